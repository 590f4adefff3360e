using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Output;

/// <summary>The README's glossary states the code's definitions, which the explorer shows: one list, read everywhere.</summary>
public sealed class GlossaryTests
{
    [Fact]
    public void ReadmeGlossary_HasEveryTermWithTheCodesDefinition_InOrder()
    {
        string readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        int at = readme.IndexOf("## Glossary", StringComparison.Ordinal);
        Assert.True(at >= 0, "README.md has no Glossary section");
        foreach (var (term, definition) in Glossary.Terms)
        {
            string line = $"- **{term}**: {definition}";
            int found = readme.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found > at, $"README.md's glossary lacks, or has out of order: {line}");
            at = found;
        }
    }

    [Fact]
    public void Glossary_ExplainsTheTermsTheIssueNames()
    {
        string terms = string.Join(" ", Glossary.Terms.Select(t => t.Term));
        foreach (string term in new[] { "HLE", "slope index", "QALY", "Discounting", "ICB", "Paired", "confidence interval" })
            Assert.Contains(term, terms);
    }
}
