using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.Distributions;

/// <summary>Reads a YAML configuration file into a node tree that keeps line and column numbers.</summary>
internal static class YamlFile
{
    /// <summary>The root node of the one YAML document in <paramref name="path"/>, or null when the file holds none.</summary>
    public static YamlNode? LoadRoot(string path)
    {
        var stream = Parse(path, ReadText(path));
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new OcelotException(ErrorIds.ConfigMultipleDocuments, FailureKind.InvalidData,
                $"The configuration file '{path}' holds {stream.Documents.Count} YAML documents; the second starts at {At(path, second)}. Ocelot reads exactly one.",
                $"Remove the '---' separator before line {second.Start.Line} of '{path}' and merge the documents, or split them into separate files.", path);
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new OcelotException(ErrorIds.ConfigFileNotFound, FailureKind.ObjectNotFound,
                $"The configuration file '{path}' does not exist.",
                "Check the path, or restore the file from the module's config folder.", path);
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OcelotException(ErrorIds.ConfigFileUnreadable, FailureKind.ReadError,
                $"The configuration file '{path}' could not be read: {ex.Message}",
                "Check that the file exists and that you may read it.", path, ex);
        }
    }

    /// <summary>Every document of <paramref name="text"/>; a syntax error, deep nesting or a collection alias is an error at its position.</summary>
    private static YamlStream Parse(string path, string text)
    {
        var stream = new YamlStream();
        var parser = new GuardedYamlParser(new Parser(new StringReader(text)), MaximumNesting, allowCollectionAliases: false);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            var at = new SourceLocation(path, ex.Start.Line, ex.Start.Column);
            throw new OcelotException(ErrorIds.ConfigYamlSyntax, FailureKind.ParserError,
                $"YAML syntax error at {at}: {StripMarks(message)}",
                $"Fix the YAML at line {ex.Start.Line}, column {ex.Start.Column} of '{path}'.", path, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) for some malformed input, such as an unclosed
            // flow sequence at the end of the file: report the last position it parsed successfully.
            var at = new SourceLocation(path, parser.LastGood.Line, parser.LastGood.Column);
            throw new OcelotException(ErrorIds.ConfigYamlSyntax, FailureKind.ParserError,
                $"YAML syntax error at {at}: the YAML after this point is malformed (an unclosed '[', '{{' or quote?).",
                $"Fix the YAML at or after line {at.Line}, column {at.Column} of '{path}'.", path, ex);
        }
        catch (ArgumentException ex)
        {
            throw new OcelotException(ErrorIds.ConfigYamlSyntax, FailureKind.ParserError,
                $"YAML error in '{path}': {ex.Message}", "Remove the duplicated key.", path, ex);
        }
        catch (YamlCollectionAliasException ex)
        {
            var at = new SourceLocation(path, ex.At.Line, ex.At.Column);
            throw new OcelotException(ErrorIds.ConfigYamlSyntax, FailureKind.ParserError,
                $"YAML error at {at}: '*{ex.Anchor}' repeats a list or mapping; Ocelot accepts aliases of single values only (a list or mapping alias can refer to itself).",
                $"Write the list or mapping out at line {at.Line} of '{path}', or use 'base:' to share build tags between distributions.", path);
        }
        catch (YamlNestingTooDeepException ex)
        {
            throw new OcelotException(ErrorIds.ConfigNestingTooDeep, FailureKind.InvalidData,
                $"The configuration at {new SourceLocation(path, ex.At.Line, ex.At.Column)} nests lists and mappings more than {MaximumNesting} levels deep.",
                $"Flatten the YAML at line {ex.At.Line} of '{path}'; no Ocelot configuration needs that depth.", path);
        }
        return stream;
    }

    /// <summary>
    /// Deeper lists and mappings are refused before YamlDotNet builds them (its node tree is built recursively, so
    /// hostile nesting would otherwise end the process with a stack overflow). Real files use fewer than 6 levels.
    /// </summary>
    public const int MaximumNesting = 64;

    public static SourceLocation At(string path, YamlNode node) => new(path, node.Start.Line, node.Start.Column);

    public static string? ScalarText(YamlNode node) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static string NodeKind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => $"the text '{s.Value}'",
        _ => "an alias",
    };

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 40) - (Line: ...): "; the location is reported separately.
    internal static string StripMarks(string message)
    {
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index > 0 ? message[(index + 3)..] : message;
    }
}
