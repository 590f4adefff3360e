namespace UrbanSim.Core.Health;

/// <summary>Urban exposures with an all-cause mortality exposure–response function.</summary>
public enum Exposure
{
    /// <summary>Walking, minutes per week.</summary>
    Walking,

    /// <summary>Cycling, minutes per week.</summary>
    Cycling,

    /// <summary>Fine particulate matter (PM2.5), annual mean µg/m³.</summary>
    Pm25,

    /// <summary>Residential greenness, NDVI within 500 m.</summary>
    GreenSpace,

    /// <summary>Share of homes that are excessively cold.</summary>
    ColdHomes,
}
