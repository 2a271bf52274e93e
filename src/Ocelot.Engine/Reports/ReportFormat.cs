using System.Globalization;
using System.Text;
using System.Text.Json;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Reports;

public enum ReportFormat
{
    Markdown,
    ReleaseNotes,
    Json,
    Terraform,
}
