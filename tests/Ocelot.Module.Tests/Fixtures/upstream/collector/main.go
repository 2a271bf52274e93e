// Fixture stand-in for the opentelemetry-lambda collector: instead of running a collector it reports how it was built.
// collector.go lists the config providers as upstream's does.
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents"
	"go.opentelemetry.io/collector/otelcol"
)

// Set with -ldflags "-X main.Version=... -X main.GitHash=...".
var (
	Version = "latest"
	GitHash = ""
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "-v", "--version":
			fmt.Println(Version)
			return
		case "--git-hash":
			fmt.Println(GitHash)
			return
		case "--providers":
			var schemes []string
			for _, f := range providerFactories() {
				schemes = append(schemes, f.Scheme())
			}
			sort.Strings(schemes)
			for _, s := range schemes {
				fmt.Println(s)
			}
			return
		case "--components":
			factories, err := lambdacomponents.Components("extension-id")
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			for _, line := range componentLines(factories) {
				fmt.Println(line)
			}
			return
		}
	}
	fmt.Fprintln(os.Stderr, "usage: collector -v | --git-hash | --components | --providers")
	os.Exit(2)
}

func componentLines(f otelcol.Factories) []string {
	var lines []string
	add := func(kind string, types []string) {
		for _, t := range types {
			lines = append(lines, kind+"/"+t)
		}
	}
	add("connector", keys(f.Connectors))
	add("exporter", keys(f.Exporters))
	add("extension", keys(f.Extensions))
	add("processor", keys(f.Processors))
	add("receiver", keys(f.Receivers))
	sort.Strings(lines)
	return lines
}

func keys[F any](m map[string]F) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
