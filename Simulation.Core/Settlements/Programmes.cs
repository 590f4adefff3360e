namespace UrbanSim.Core.Settlements;

/// <summary>Government departmental themes: the silos that tied grants arrive in.</summary>
public enum Theme
{
    Transport = 0,
    Housing = 1,
    Regeneration = 2,
    PublicHealth = 3,
}

/// <summary>Programmes a mayor can spend on. Each belongs to one <see cref="Theme"/>.</summary>
public enum Programme
{
    ActiveTravel = 0,
    CleanAir = 1,
    WarmHomes = 2,
    SiteAssembly = 3,
    GreenSpace = 4,
    Capacity = 5,
    JointPrevention = 6,
}

/// <summary>Which theme's money may pay for which programme.</summary>
public static class Programmes
{
    public const int Count = 7;
    public const int ThemeCount = 4;

    private static readonly Theme[] ThemeOfProgramme =
    [
        Theme.Transport,     // active travel: DfT active travel funds
        Theme.Transport,     // clean air / bus franchising: DfT, JAQU
        Theme.Housing,       // warm homes retrofit: DESNZ/MHCLG housing funds
        Theme.Housing,       // brownfield site assembly: Homes England / brownfield funds
        Theme.Regeneration,  // green space: regeneration and levelling-up funds
        Theme.Regeneration,  // planning and analytical capacity: capacity funding, UKSPF-like
        Theme.PublicHealth,  // joint prevention with the ICB: public health grant
    ];

    /// <summary>The theme whose pot a programme must be paid from under tied grants.</summary>
    public static Theme ThemeOf(Programme programme) => ThemeOfProgramme[(int)programme];

    /// <summary>snake_case name used in outputs.</summary>
    public static string SnakeName(Programme programme) => programme switch
    {
        Programme.ActiveTravel => "active_travel",
        Programme.CleanAir => "clean_air",
        Programme.WarmHomes => "warm_homes",
        Programme.SiteAssembly => "site_assembly",
        Programme.GreenSpace => "green_space",
        Programme.Capacity => "capacity",
        Programme.JointPrevention => "joint_prevention",
        _ => throw new ArgumentOutOfRangeException(nameof(programme)),
    };

    /// <summary>snake_case name of a theme.</summary>
    public static string SnakeName(Theme theme) => theme switch
    {
        Theme.Transport => "transport",
        Theme.Housing => "housing",
        Theme.Regeneration => "regeneration",
        Theme.PublicHealth => "public_health",
        _ => throw new ArgumentOutOfRangeException(nameof(theme)),
    };
}
