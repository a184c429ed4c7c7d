namespace SafeShare.PostgreSql;

/// <summary>Where an application keeps its decision log.</summary>
public enum DecisionLogStore
{
    /// <summary>A JSON Lines file on this machine (<see cref="JsonLinesDecisionLog"/>): one server.</summary>
    File = 0,

    /// <summary>A PostgreSQL database (<see cref="PostgresDecisionLog"/>): one chain for every server and process.</summary>
    PostgreSql = 1,
}

/// <summary>
/// The decision log's settings, read from configuration (by default the <c>SafeShare:DecisionLog</c> section
/// of appsettings.json), e.g. <c>{ "Store": "PostgreSql", "ConnectionString": "Host=db;Database=cases;Username=cases_app" }</c>.
/// </summary>
public sealed class DecisionLogOptions
{
    /// <summary>The configuration section read by default.</summary>
    public const string Section = "SafeShare:DecisionLog";

    /// <summary>File (the default) or PostgreSql.</summary>
    public DecisionLogStore Store { get; set; } = DecisionLogStore.File;

    /// <summary>The log file, for <see cref="DecisionLogStore.File"/>.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// The connection string, for <see cref="DecisionLogStore.PostgreSql"/>. Keep the password out of
    /// appsettings.json: user secrets, an environment variable or a passfile supply it.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema that holds the log's tables, for <see cref="DecisionLogStore.PostgreSql"/>.</summary>
    public string Schema { get; set; } = PostgresLogSchema.DefaultSchema;
}
