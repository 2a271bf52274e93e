using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// The cmdlet help (MAML) is generated from the cmdlets themselves (parameter sets from the engine's own metadata,
/// descriptions from the XML documentation, examples from docs/cmdlets), committed as src/Ocelot/en-US/Ocelot.dll-Help.xml,
/// and kept in sync by this test: when it differs, the test rewrites it and fails so the change is committed.
/// </summary>
public class HelpTests
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly string[] CommonParameters = [.. System.Management.Automation.Cmdlet.CommonParameters, .. System.Management.Automation.Cmdlet.OptionalCommonParameters];

    private static string HelpFile => Path.Combine(ModuleSession.RepositoryRoot, "src", "Ocelot", "en-US", "Ocelot.dll-Help.xml");

    [Fact]
    public void The_committed_cmdlet_help_matches_the_cmdlets()
    {
        var generated = Generate();
        var committed = File.Exists(HelpFile) ? File.ReadAllText(HelpFile) : string.Empty;
        if (committed != generated)
        {
            File.WriteAllText(HelpFile, generated);
            Assert.Fail($"{HelpFile} was out of date and has been regenerated: rebuild, then commit it.");
        }
    }

    [Fact]
    public void Get_Help_shows_the_synopsis_parameters_and_examples()
    {
        var text = ModuleSession.Run("Get-Help Publish-OcelotLayer -Full | Out-Host").AssertSucceeded().HostText;
        Assert.Contains("Publishes layer zips as Lambda layer versions", text);
        Assert.Contains("-Public", text);
        Assert.Contains("Share with every AWS account", text);
        Assert.Contains("Get-OcelotDistribution minimal | Invoke-OcelotBuild -Arch arm64 | Publish-OcelotLayer", text);
    }

    private static string Generate()
    {
        var result = ModuleSession.Run("Get-Command -Module Ocelot").AssertSucceeded();
        var commands = result.Output.Select(o => (CmdletInfo)o.BaseObject).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var docs = XDocument.Load(Path.Combine(ModuleSession.RepositoryRoot, "bin", "Ocelot.xml"));
        var items = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
        foreach (var command in commands) items.Add(Describe(command, docs));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), items);
        return document.Declaration + "\n" + document.Root!.ToString() + "\n";
    }

    private static XElement Describe(CmdletInfo command, XDocument docs)
    {
        var type = command.ImplementingType;
        var synopsis = Summary(docs, $"T:{type.FullName}") ?? command.Name;
        var markdown = Path.Combine(ModuleSession.RepositoryRoot, "docs", "cmdlets", command.Name + ".md");
        var text = File.Exists(markdown) ? File.ReadAllText(markdown) : string.Empty;
        var description = Section(text, "Description") ?? synopsis;
        var parameters = command.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        var element = new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                Paragraphs(synopsis)),
            Paragraphs(description),
            new XElement(Command + "syntax", command.ParameterSets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", command.Name),
                set.Parameters.Where(p => !CommonParameters.Contains(p.Name)).Select(p => Parameter(p.Name, p.ParameterType, p.IsMandatory, p.Position, p.ValueFromPipeline, p.ValueFromPipelineByPropertyName, null))))),
            new XElement(Command + "parameters", parameters.Select(p =>
            {
                var first = p.ParameterSets.Values.First();
                return Parameter(p.Name, p.ParameterType, first.IsMandatory, first.Position, first.ValueFromPipeline, first.ValueFromPipelineByPropertyName,
                    Summary(docs, $"P:{PropertyOwner(type, p.Name)}.{p.Name}"));
            })),
            new XElement(Command + "returnValues", command.OutputType.Select(o => new XElement(Command + "returnValue",
                new XElement(Dev + "type", new XElement(Maml + "name", o.Name))))),
            new XElement(Command + "examples", Examples(text).Select((code, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"--- Example {i + 1} ---"),
                new XElement(Dev + "code", code),
                new XElement(Dev + "remarks", new XElement(Maml + "para", string.Empty))))),
            new XElement(Command + "relatedLinks",
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", "about_Ocelot"))));
        return element;
    }

    private static XElement Parameter(string name, Type type, bool mandatory, int position, bool byValue, bool byName, string? description)
    {
        var pipeline = (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var element = new XElement(Command + "parameter",
            new XAttribute("required", mandatory ? "true" : "false"),
            new XAttribute("position", position < 0 ? "named" : position.ToString()),
            new XAttribute("pipelineInput", pipeline),
            new XElement(Maml + "name", name));
        if (description is not null) element.Add(Paragraphs(description));
        if (type != typeof(SwitchParameter))
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), TypeName(type)));
        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", type.FullName)));
        return element;
    }

    private static string TypeName(Type type) => type.IsArray ? TypeName(type.GetElementType()!) + "[]" :
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) : type.Name;

    private static XElement Paragraphs(string text) =>
        new(Maml + "description", text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => new XElement(Maml + "para", p.Trim())));

    private static string PropertyOwner(Type type, string property) =>
        type.GetProperty(property)?.DeclaringType?.FullName ?? type.FullName!;

    private static string? Summary(XDocument docs, string member)
    {
        var summary = docs.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == member)?.Element("summary");
        if (summary is null) return null;
        var text = string.Concat(summary.Nodes().Select(n => n is XElement e ? e.Name == "see" ? (string?)e.Attribute("cref") ?? e.Value : e.Value : n.ToString()));
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
    }

    private static string? Section(string markdown, string heading)
    {
        var match = Regex.Match(markdown, $@"^## {heading}\n(?<body>.*?)(?=^## |^# |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups["body"].Value.Trim() : null;
    }

    private static IEnumerable<string> Examples(string markdown)
    {
        var examples = Section(markdown, "Examples");
        if (examples is null) return [];
        var code = Regex.Match(examples, "```powershell\n(?<code>.*?)```", RegexOptions.Singleline);
        return code.Success ? Regex.Split(code.Groups["code"].Value.Trim(), @"\n(?=[A-Z][a-z]+-Ocelot|\S+ \|)").Select(e => e.Trim()) : [];
    }
}
