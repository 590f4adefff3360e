namespace UrbanSim.Core.Settlements;

/// <summary>Government departmental themes: the silos tied grants arrive in, and the ring-fences of a single pot.</summary>
public enum Theme
{
    /// <summary>Transport (DfT): active travel, buses, clean air.</summary>
    Transport = 0,
    /// <summary>Housing (MHCLG, Homes England, DESNZ): retrofit, brownfield land.</summary>
    Housing = 1,
    /// <summary>Regeneration and levelling-up funds: green space, capacity.</summary>
    Regeneration = 2,
    /// <summary>Public health grant via councils: prevention with the ICB.</summary>
    PublicHealth = 3,
}

/// <summary>The themes, their names and their shares of central funding.</summary>
public static class Themes
{
    /// <summary>Number of themes.</summary>
    public const int Count = 4;

    /// <summary>snake_case name of a theme, as in outputs.</summary>
    public static string SnakeName(Theme theme) => theme switch
    {
        Theme.Transport => "transport",
        Theme.Housing => "housing",
        Theme.Regeneration => "regeneration",
        Theme.PublicHealth => "public_health",
        _ => throw new ArgumentOutOfRangeException(nameof(theme)),
    };

    /// <summary>Each theme's share of central funding, normalised to sum to 1, into <paramref name="shares"/> [theme].</summary>
    internal static void Shares(Scenarios.FundingParameters f, Span<double> shares)
    {
        double sum = f.TransportShare + f.HousingShare + f.RegenerationShare + f.PublicHealthShare;
        shares[(int)Theme.Transport] = f.TransportShare / sum;
        shares[(int)Theme.Housing] = f.HousingShare / sum;
        shares[(int)Theme.Regeneration] = f.RegenerationShare / sum;
        shares[(int)Theme.PublicHealth] = f.PublicHealthShare / sum;
    }
}
