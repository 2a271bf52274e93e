namespace Ocelot.Engine.Rollout;
