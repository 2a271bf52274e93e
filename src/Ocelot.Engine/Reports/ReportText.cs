using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ocelot.Engine.Reports;
