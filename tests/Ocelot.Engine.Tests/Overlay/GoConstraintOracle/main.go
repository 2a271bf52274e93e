// Command goconstraintoracle answers, with Go's own go/build and go/build/constraint, the questions Ocelot's
// BuildConstraint answers, for the differential test in BuildConstraintDifferentialTests.cs.
//
// Each input line is "<mode> <base64 text> <base64 tags, newline-separated>"; mode E parses text as the expression
// of a //go:build line and evaluates it, mode F asks build.Context.MatchFile about a file holding text. Each output
// line is "true", "false" or "error".
package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"go/build"
	"go/build/constraint"
	"io"
	"os"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		fields := strings.Split(in.Text(), " ")
		text, _ := base64.StdEncoding.DecodeString(fields[1])
		tagText, _ := base64.StdEncoding.DecodeString(fields[2])
		tags := map[string]bool{}
		var tagList []string
		for _, t := range strings.Split(string(tagText), "\n") {
			if t != "" {
				tags[t] = true
				tagList = append(tagList, t)
			}
		}
		fmt.Fprintln(out, answer(fields[0], string(text), tags, tagList))
	}
}

func answer(mode, text string, tags map[string]bool, tagList []string) string {
	if mode == "E" {
		x, err := constraint.Parse("//go:build " + text)
		if err != nil {
			return "error"
		}
		return fmt.Sprint(x.Eval(func(tag string) bool { return tags[tag] }))
	}
	ctxt := build.Context{
		GOOS: "linux", GOARCH: "amd64", Compiler: "gc", BuildTags: tagList,
		OpenFile: func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil },
	}
	match, err := ctxt.MatchFile(".", "f.go")
	if err != nil {
		return "error"
	}
	return fmt.Sprint(match)
}
