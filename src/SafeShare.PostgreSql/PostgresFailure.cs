using System;
using System.IO;
using System.Net.Sockets;
using Npgsql;

namespace SafeShare.PostgreSql;

/// <summary>
/// Turns what Npgsql and the server report into one sentence a person can act on: which server, which
/// role, what to do. Never a password: <see cref="Describe"/> leaves it out.
/// </summary>
internal static class PostgresFailure
{
    public static string Describe(NpgsqlConnectionStringBuilder connection, string schema) =>
        $"PostgreSQL decision log {schema}.decision_log in database '{connection.Database ?? connection.Username ?? "(default)"}' at {Server(connection)}";

    public static string Server(NpgsqlConnectionStringBuilder connection) =>
        connection.Host is { } host && host.StartsWith("/", StringComparison.Ordinal)
            ? $"socket {host}/.s.PGSQL.{connection.Port}"
            : $"{connection.Host ?? "localhost"}:{connection.Port}";

    /// <summary>Whether the failure is the connection's (server gone, restarted, unreachable), not the statement's.</summary>
    public static bool IsConnectionLost(Exception e) =>
        e is NpgsqlException { IsTransient: true } or IOException or SocketException or TimeoutException
        || (e is NpgsqlException && e is not PostgresException)
        || (e is PostgresException p && p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow);

    public static DecisionLogException Translate(Exception e, NpgsqlConnectionStringBuilder connection, string describe, string doing)
    {
        if (e is DecisionLogException known)
        {
            return known;
        }

        var server = Server(connection);
        var message = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
                $"{doing}: the server at {server} refused the password of role '{connection.Username}' (give it through PGPASSWORD or a passfile).",
            PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                $"{doing}: the server at {server} refused role '{connection.Username}': {p.MessageText}.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"{doing}: there is no database '{connection.Database}' at {server}.",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p =>
                $"{doing}: role '{connection.Username}' may not do this: {p.MessageText}.",
            PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName } p =>
                $"{doing}: {p.MessageText}; create the log with 'safeshare db init' or EnsureSchemaAsync.",
            PostgresException p when IsConnectionLost(p) =>
                $"{doing}: the server at {server} shut down ({p.MessageText}).",
            PostgresException p =>
                $"{doing}: the server said: {p.MessageText} ({p.SqlState}).",
            NpgsqlException { InnerException: SocketException s } =>
                $"{doing}: cannot reach the PostgreSQL server at {server} ({s.Message}).",
            NpgsqlException { InnerException: IOException or EndOfStreamException } =>
                $"{doing}: the connection to the PostgreSQL server at {server} was lost (the server stopped or restarted).",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"{doing}: the PostgreSQL server at {server} did not answer in time.",
            _ => $"{doing}: {FirstLine(e.Message)}",
        };
        return new DecisionLogException(describe, message, null, e);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.EndsWith(".", StringComparison.Ordinal) ? line : line + ".";
    }
}
