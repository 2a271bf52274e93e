using System.Text.Json;

namespace Ocelot.Engine.Reports;

public enum ReportFormat
{
    Markdown,
    ReleaseNotes,
    Json,
    Terraform,
}
