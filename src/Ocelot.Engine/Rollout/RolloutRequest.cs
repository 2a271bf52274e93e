using Ocelot.Engine.Aws;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Rollout;
