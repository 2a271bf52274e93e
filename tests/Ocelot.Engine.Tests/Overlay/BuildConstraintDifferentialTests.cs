using System.Diagnostics;
using System.Text;
using CsCheck;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Tests.Overlay;

/// <summary>
/// BuildConstraint against Go's own go/build/constraint and go/build (GoConstraintOracle/main.go, run with the real
/// go): generated expressions and file headers, valid and not, must get the same answer (true, false or error).
/// CsCheck generates batches of cases and shrinks a failing batch to the cases that disagree.
/// </summary>
public sealed class BuildConstraintDifferentialTests
{
    private static readonly string[] TagPool = ["a", "b", "c.d", "e_f", "x1", "é", "ß2", "Δ", "٣", "linux", "_"];
    private static readonly string[] GoContextTags = ["linux", "amd64", "gc", "unix"];

    private static readonly Gen<string> Tag = Gen.OneOf(TagPool);
    private static readonly Gen<string> Space = Gen.Frequency((8, Gen.Const("")), (8, Gen.Const(" ")), (3, Gen.Const("\t")), (1, Gen.Const("\u00a0")), (1, Gen.Const("\v")));
    private static readonly Gen<string> Garbage = Gen.OneOf("&", "|", "!!", ")", "(", "-", "a-b", "&&", "||", "!", "a b", "\r", "//", "+");

    private static readonly Gen<string> Expression = Gen.Recursive<string>((depth, self) => depth > 4 ? Tag : Gen.Frequency(
        (5, Tag),
        (2, Gen.Select(Space, self, (s, x) => "!" + s + x)),
        (2, Gen.Select(Space, self, Space, (a, x, b) => "(" + a + x + b + ")")),
        (4, Gen.Select(self, Space, Gen.OneOf("&&", "||"), Space, self, (l, a, op, b, r) => l + a + op + b + r)),
        (1, Gen.Select(self, Garbage, (x, g) => x + g)),
        (1, Gen.Select(Garbage, self, (g, x) => g + x))));

    private static readonly Gen<string> HeaderLine = Gen.Frequency(
        (3, Gen.Const("")),
        (3, Gen.Const("// a comment")),
        (2, Gen.Const("/* block */")),
        (1, Gen.Const("/* opens")),
        (1, Gen.Const("closes */")),
        (6, Gen.Select(Space, Expression, (s, x) => "//go:build " + s + x)),
        (1, Gen.Select(Expression, x => "\t //go:build\t" + x + " ")),
        (1, Gen.Select(Expression, x => "/* c */ //go:build " + x)),
        (1, Gen.Const("//go:build")),
        (1, Gen.Select(Expression, x => "//go:buildx " + x)),
        (1, Gen.Select(Expression, x => "//go:build\u00a0" + x)),
        (1, Gen.Const("x := 1")),
        (1, Gen.Const("package p")));

    private static readonly Gen<string> File = Gen.Select(HeaderLine.Array[0, 6], Gen.OneOf("\n", "\r\n"),
        (lines, newline) => string.Join(newline, lines) + newline + "package p\n");

    private sealed record Case(bool IsFile, string Text, string[] Tags)
    {
        public override string ToString() => $"{(IsFile ? "file" : "expression")} {Quote(Text)} with tags [{string.Join(",", Tags)}]";
    }

    private static readonly Gen<Case> Cases = Gen.Frequency(
        (3, Gen.Select(Expression, Tag.Array[0, 4], (x, tags) => new Case(false, x, tags))),
        (2, Gen.Select(File, Tag.Array[0, 4], (f, tags) => new Case(true, f, tags))));

    [Fact]
    public void Ocelot_and_go_agree_on_thousands_of_generated_expressions_and_file_headers()
    {
        var oracle = BuildOracle();
        var checkedCases = 0;
        try
        {
            Cases.Array[250, 250].Sample(batch =>
            {
                var expected = AskGo(oracle, batch);
                var disagreements = batch.Zip(expected).Where(p => Answer(p.First) != p.Second).Select(p => $"{p.First}: go says {p.Second}, Ocelot {Answer(p.First)}").ToList();
                if (disagreements.Count > 0) throw new Xunit.Sdk.XunitException(string.Join("\n", disagreements));
                Interlocked.Add(ref checkedCases, batch.Length);
            }, iter: 24, threads: 1, print: batch => $"{batch.Length} cases");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(oracle)!, recursive: true);
        }
        Assert.True(checkedCases >= 6000, $"only {checkedCases} cases were compared");
    }

    private static string Answer(Case c)
    {
        try
        {
            var active = new HashSet<string>(c.Tags, StringComparer.Ordinal);
            if (!c.IsFile) return BuildConstraint.Parse(c.Text).Evaluate(active) ? "true" : "false";
            active.UnionWith(GoContextTags);
            var constraint = BuildConstraint.FromGoSource(c.Text, "f.go");
            return constraint is null || constraint.Evaluate(active) ? "true" : "false";
        }
        catch (FormatException)
        {
            return "error";
        }
    }

    private static string[] AskGo(string oracle, Case[] batch)
    {
        var input = new StringBuilder();
        foreach (var c in batch)
            input.Append(c.IsFile ? 'F' : 'E').Append(' ').Append(Base64(c.Text)).Append(' ').Append(Base64(string.Join('\n', c.Tags))).Append('\n');
        var start = new ProcessStartInfo(oracle) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input.ToString());
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(batch.Length, lines.Length);
        return lines;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Quote(string text) => "\"" + string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    private static string BuildOracle()
    {
        var binary = Path.Combine(Directory.CreateTempSubdirectory("ocelot-oracle-").FullName, "goconstraintoracle");
        var start = new ProcessStartInfo("go") { WorkingDirectory = Path.Combine(RepositoryPaths.Root, "tests", "Ocelot.Engine.Tests", "Overlay", "GoConstraintOracle"), RedirectStandardError = true };
        foreach (var argument in new[] { "build", "-o", binary, "." }) start.ArgumentList.Add(argument);
        start.Environment["GOFLAGS"] = string.Empty;
        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["GOWORK"] = "off";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("building the Go oracle failed: " + errors);
        return binary;
    }
}
