using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Programmes;

/// <summary>
/// The programmes mayors can spend on, in allocation order (ties in the allocation go to the earlier programme).
/// <see cref="Standard"/> holds the model's programmes; <see cref="With"/> adds one (for a study, or a test).
/// Programmes that build a stock in zones also get a slot, in catalogue order, in the zones' stocks (<see cref="StockSlot"/>).
/// </summary>
public sealed class ProgrammeCatalogue
{
    /// <summary>Most programmes a catalogue may hold (the allocation works on the stack).</summary>
    public const int MaxCount = 32;

    private readonly int[] _stockSlot;
    private readonly int[] _stockProgramme;
    private readonly Theme[] _theme;

    private ProgrammeCatalogue(ImmutableArray<ProgrammeDefinition> all)
    {
        var problems = Problems(all).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(all));
        All = all;
        _stockSlot = new int[all.Length];
        _theme = new Theme[all.Length];
        var stock = new List<int>();
        for (int p = 0; p < all.Length; p++)
        {
            _theme[p] = all[p].Theme;
            _stockSlot[p] = all[p].BuildsStock ? stock.Count : -1;
            if (_stockSlot[p] >= 0) stock.Add(p);
        }
        _stockProgramme = [.. stock];
    }

    /// <summary>The model's programmes (<see cref="StandardProgrammes"/>).</summary>
    public static ProgrammeCatalogue Standard { get; } = new(StandardProgrammes.All);

    /// <summary>Every programme, in allocation order.</summary>
    public ImmutableArray<ProgrammeDefinition> All { get; }

    /// <summary>Number of programmes.</summary>
    public int Count => All.Length;

    /// <summary>Number of programmes that build a stock in zones (slots of the zones' stocks).</summary>
    public int StockCount => _stockProgramme.Length;

    /// <summary>Each programme's theme, [programme].</summary>
    public ReadOnlySpan<Theme> ThemeOfProgramme => _theme;

    /// <summary>The slot of programme <paramref name="programme"/> in the zones' stocks, or −1 if it builds no stock.</summary>
    public int StockSlot(int programme) => _stockSlot[programme];

    /// <summary>The programme in stock slot <paramref name="slot"/>.</summary>
    public int StockProgramme(int slot) => _stockProgramme[slot];

    /// <summary>Index of the programme named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name)
    {
        for (int p = 0; p < All.Length; p++) if (All[p].Name == name) return p;
        return -1;
    }

    /// <summary>Index of the first programme delivered as <paramref name="delivery"/>, or −1.</summary>
    public int IndexOf(DeliveryKind delivery)
    {
        for (int p = 0; p < All.Length; p++) if (All[p].Delivery == delivery) return p;
        return -1;
    }

    /// <summary>This catalogue with <paramref name="programme"/> added last.</summary>
    /// <exception cref="ArgumentException">The programme's name is taken or its definition is incomplete.</exception>
    public ProgrammeCatalogue With(ProgrammeDefinition programme) => new(All.Add(programme));

    /// <summary>What is wrong with a list of programmes: duplicate names, missing effects, too many.</summary>
    private static IEnumerable<string> Problems(ImmutableArray<ProgrammeDefinition> all)
    {
        if (all.Length > MaxCount) yield return $"At most {MaxCount} programmes, not {all.Length}.";
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in all)
        {
            if (!names.Add(p.Name)) yield return $"Programme name '{p.Name}' is used twice.";
            if (p.Name.Length == 0 || p.Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
                yield return $"Programme name '{p.Name}' must be snake_case (a–z, 0–9, _).";
            if (p.BuildsStock && p.ExposureEffects.IsEmpty && p.IncidenceEffects.IsEmpty)
                yield return $"Programme '{p.Name}' builds a stock that changes no exposure and no incidence.";
            if (p.Delivery == DeliveryKind.PopulationService && !p.ExposureEffects.IsEmpty)
                yield return $"Programme '{p.Name}': a population service reduces incidence; deliver exposure changes as {DeliveryKind.AreaSchemes}.";
            if (p.ExposureEffects.Any(e => e.Exposure == Exposure.ColdHomes))
                yield return $"Programme '{p.Name}' changes cold homes through an exposure effect; cold homes change through the housing stock (deliver it as {DeliveryKind.ColdHomeRetrofit}).";
            if (p.IncidenceEffects.SelectMany(e => e.Diseases).GroupBy(d => d).Any(g => g.Count() > 1))
                yield return $"Programme '{p.Name}' reduces one disease's incidence in two effects; give each disease one effect.";
            if (p.ExposureEffects.GroupBy(e => e.Exposure).Any(g => g.Count() > 1))
                yield return $"Programme '{p.Name}' changes one exposure in two effects; give each exposure one effect.";
            if (!p.BuildsStock && !(p.ExposureEffects.IsEmpty && p.IncidenceEffects.IsEmpty))
                yield return $"Programme '{p.Name}': only programmes that build a stock take exposure or incidence effects.";
            if (p.Delivery is DeliveryKind.ColdHomeRetrofit or DeliveryKind.SiteRemediation or DeliveryKind.MayoralCapacity
                && all.Count(o => o.Delivery == p.Delivery) > 1)
                yield return $"Only one programme may be delivered as {p.Delivery}.";
        }
    }

    /// <summary>Whether any programme of this catalogue changes <paramref name="exposure"/>.</summary>
    public bool Changes(Exposure exposure) => All.Any(p => p.ExposureEffects.Any(e => e.Exposure == exposure));
}
