namespace Ocelot.Engine.Reports;
