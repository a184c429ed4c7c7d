using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SafeShare.PostgreSql.Tests;

/// <summary>An app registers its decision log, file or PostgreSQL, from appsettings.json.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeshare-pg-di").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ServiceProvider Services(string json)
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(settings, json);
        var configuration = new ConfigurationBuilder().AddJsonFile(settings).Build();
        return new ServiceCollection().AddSafeShareDecisionLog(configuration).BuildServiceProvider();
    }

    [PostgresFact]
    public void PostgreSql_from_appsettings()
    {
        using var database = PostgresServer.Instance.NewDatabase();
        var connection = System.Text.Json.JsonSerializer.Serialize(database.ConnectionString);
        using var services = Services($$"""{ "SafeShare": { "DecisionLog": { "Store": "PostgreSql", "ConnectionString": {{connection}}, "Schema": "cases_log" } } }""");

        var log = Assert.IsType<PostgresDecisionLog>(services.GetRequiredService<IDecisionLog>());
        Assert.Same(log, services.GetRequiredService<IDecisionLogReader>());
        Assert.Equal("cases_log", log.Schema);
        log.EnsureSchemaAsync().GetAwaiter().GetResult();
        log.Append(SampleRecords.Decision("CS-1", 1));
        Assert.Equal("CS-1", Assert.Single(services.GetRequiredService<IDecisionLogReader>().ReadAll()).SubjectReference);
    }

    [Fact]
    public void A_file_from_appsettings()
    {
        var path = Path.Combine(_folder, "decisions.jsonl");
        var json = System.Text.Json.JsonSerializer.Serialize(path);
        using var services = Services($$"""{ "SafeShare": { "DecisionLog": { "Store": "File", "Path": {{json}} } } }""");

        var log = Assert.IsType<JsonLinesDecisionLog>(services.GetRequiredService<IDecisionLog>());
        log.Append(SampleRecords.Decision("CS-1", 1));
        Assert.Equal(path, log.Path);
        Assert.True(JsonLinesDecisionLog.Verify(path).IsIntact);
    }

    [Fact]
    public void Missing_settings_are_one_clear_message()
    {
        using var services = Services("""{ "SafeShare": { "DecisionLog": { "Store": "PostgreSql" } } }""");
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IDecisionLog>());
        Assert.Equal("SafeShare:DecisionLog: Store is PostgreSql, so give ConnectionString.", e.Failures.Single());

        using var none = Services("{}");
        var file = Assert.Throws<OptionsValidationException>(() => none.GetRequiredService<IDecisionLog>());
        Assert.Contains("give Path", file.Failures.Single());
    }
}
