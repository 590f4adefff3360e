using System.Runtime.CompilerServices;

namespace UrbanSim.Core.Engine;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of
/// (seed, replication, stream, year, entity, index), so any replication, variant, thread or shard
/// sees exactly the same number for the same key (common random numbers). No state, no locks.
/// The mixing function is SplitMix64's 64-bit finaliser, chained over the key's fields, so keys
/// that differ in any field give unrelated bits.
/// </summary>
internal static class CounterRng
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>64 random bits for the key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong seed, int replication, RngStream stream, int year, int entity, int index)
    {
        ulong h = Mix(seed + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ ((ulong)(uint)replication + 0x9E3779B97F4A7C15UL));
        h = Mix(h ^ (((ulong)(uint)stream << 32 | (uint)year) + 0x632BE59BD9B4E019UL));
        h = Mix(h ^ (((ulong)(uint)entity << 32 | (uint)index) + 0x85157AF5UL));
        return h;
    }

    /// <summary>A uniform draw in the open interval (0, 1) for the key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, int replication, RngStream stream, int year, int entity, int index)
        => ((Bits(seed, replication, stream, year, entity, index) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/// <summary>
/// Named random streams. Each is used for one kind of event so that changing how one part of the
/// model draws never shifts the numbers another part sees.
/// </summary>
internal enum RngStream
{
    /// <summary>Synthetic world: zones, sites, prices.</summary>
    World = 1,
    /// <summary>Uncertain parameters sampled once per replication.</summary>
    Parameters = 2,
    /// <summary>Macroeconomic and funding shocks.</summary>
    Shocks = 3,
    /// <summary>Competitive bid outcomes.</summary>
    Bids = 4,
    /// <summary>Discontinuation of tied grant pots.</summary>
    Churn = 5,
    /// <summary>Elections and new mayors' commitment.</summary>
    Elections = 6,
    /// <summary>Site-level draws: planning applicability, developer choice.</summary>
    Sites = 7,
    /// <summary>Each mayoralty's first error in each programme's health value.</summary>
    Appraisal = 8,
    /// <summary>Central government's changes of priority.</summary>
    Government = 9,
}

/// <summary>A replication's view of <see cref="CounterRng"/>: seed and replication bound once.</summary>
internal readonly struct ReplicationRandom(ulong seed, int replication)
{
    /// <summary>The run's seed.</summary>
    public ulong Seed { get; } = seed;
    /// <summary>The replication's index.</summary>
    public int Replication { get; } = replication;

    /// <summary>Uniform in (0, 1) for (stream, year, entity, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(RngStream stream, int year, int entity, int index = 0)
        => CounterRng.Uniform(Seed, Replication, stream, year, entity, index);

    /// <summary>Standard normal by inverse CDF of a counter-based uniform.</summary>
    public double StandardNormal(RngStream stream, int year, int entity, int index = 0)
        => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, Uniform(stream, year, entity, index));
}
