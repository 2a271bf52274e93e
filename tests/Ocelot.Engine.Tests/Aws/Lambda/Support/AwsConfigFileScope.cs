using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>Gives the run's shared AWS config file some profiles for one test, and empties it afterwards.</summary>
internal sealed class AwsConfigFileScope : IDisposable
{
    public AwsConfigFileScope(string content) => File.WriteAllText(TestEnvironment.AwsConfigFile, content);

    public void Dispose() => File.WriteAllText(TestEnvironment.AwsConfigFile, "");
}
