using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafeShare;
using SafeShare.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the decision log the generated share classes take (<see cref="IDecisionLog"/>).</summary>
public static class DecisionLogServiceCollectionExtensions
{
    /// <summary>
    /// Registers one decision log for the whole application, as <see cref="IDecisionLog"/> and
    /// <see cref="IDecisionLogReader"/>, configured from <paramref name="configuration"/>'s
    /// <paramref name="sectionName"/> section (see <see cref="DecisionLogOptions"/>). The settings are checked
    /// when the host starts, so a missing path or connection string stops the app before any decision is made.
    /// </summary>
    public static IServiceCollection AddSafeShareDecisionLog(this IServiceCollection services, IConfiguration configuration, string sectionName = DecisionLogOptions.Section)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddSafeShareDecisionLog(configuration.GetSection(sectionName), _ => { });
    }

    /// <summary>Registers the decision log with settings given in code.</summary>
    public static IServiceCollection AddSafeShareDecisionLog(this IServiceCollection services, Action<DecisionLogOptions> configure)
    {
        return services.AddSafeShareDecisionLog(null, configure ?? throw new ArgumentNullException(nameof(configure)));
    }

    private static IServiceCollection AddSafeShareDecisionLog(this IServiceCollection services, IConfiguration? section, Action<DecisionLogOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<DecisionLogOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        options.Configure(configure)
            .Validate(o => o.Store != DecisionLogStore.File || !string.IsNullOrWhiteSpace(o.Path), "SafeShare:DecisionLog: Store is File, so give Path (the decision log file).")
            .Validate(o => o.Store != DecisionLogStore.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), "SafeShare:DecisionLog: Store is PostgreSql, so give ConnectionString.")
            .ValidateOnStart();

        services.TryAddSingleton<IDecisionLog>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<DecisionLogOptions>>().Value;
            return settings.Store == DecisionLogStore.PostgreSql
                ? new PostgresDecisionLog(settings.ConnectionString!, settings.Schema)
                : new JsonLinesDecisionLog(settings.Path!);
        });
        // One instance serves both: a log read back is the log written.
        services.TryAddSingleton(provider => (IDecisionLogReader)provider.GetRequiredService<IDecisionLog>());
        return services;
    }
}
