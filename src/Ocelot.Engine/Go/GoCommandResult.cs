namespace Ocelot.Engine.Go;

public sealed record GoCommandResult(int ExitCode, string StandardOutput, string StandardError);
