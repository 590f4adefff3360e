using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Appraisal;

/// <summary>A validated appraisal file: who is affected and their exposures before and after a change.</summary>
/// <param name="Population">The population whose exposures change.</param>
/// <param name="Before">Exposures now (keys omitted in the file are 0).</param>
/// <param name="After">Exposures after the change (keys omitted in the file are as before).</param>
/// <param name="Description">Optional free text from the file, echoed in the output.</param>
internal sealed record AppraisalInput(AppraisalPopulation Population, ExposureLevels Before, ExposureLevels After, string? Description);

/// <summary>Outcome of loading an appraisal file: the input if it is valid, and every problem found.</summary>
/// <param name="Input">The validated input; null when there are problems.</param>
/// <param name="Problems">All problems found, in file order; empty when the file is valid.</param>
internal sealed record AppraisalLoadResult(AppraisalInput? Input, IReadOnlyList<ValidationProblem> Problems);
