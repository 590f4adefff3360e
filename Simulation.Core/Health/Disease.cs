namespace UrbanSim.Core.Health;

/// <summary>Non-communicable diseases whose incidence the model links to urban exposures.</summary>
public enum Disease
{
    /// <summary>Cardiovascular disease (coronary heart disease and stroke).</summary>
    Cardiovascular,

    /// <summary>Type 2 diabetes.</summary>
    Type2Diabetes,

    /// <summary>Chronic respiratory disease (chronic obstructive pulmonary disease).</summary>
    ChronicRespiratory,

    /// <summary>Common mental disorders (depression).</summary>
    CommonMentalDisorder,
}
