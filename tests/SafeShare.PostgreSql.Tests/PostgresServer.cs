using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Npgsql;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SafeShare.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the one SAFESHARE_TEST_POSTGRES names (a superuser
/// connection string; .ci/run starts a throwaway cluster with .ci/postgres.sh and sets it), or else a
/// throwaway cluster this process starts with the same script and stops when it exits. Never a mock.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "SAFESHARE_TEST_POSTGRES";
    public const string FolderVariable = "SAFESHARE_TEST_POSTGRES_DIR";

    private static readonly Lazy<PostgresServer> Shared = new(Start);

    private PostgresServer(string connectionString, string? clusterFolder)
    {
        ConnectionString = connectionString;
        ClusterFolder = clusterFolder;
    }

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A superuser's connection string (database postgres).</summary>
    public string ConnectionString { get; }

    /// <summary>The cluster's folder when the project's script started it (so a test can stop and restart it).</summary>
    public string? ClusterFolder { get; }

    /// <summary>Why the tests cannot run here, or null when they can (or must, in CI, and fail loudly).</summary>
    public static string? Unavailable()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || IsCi())
        {
            return null;
        }

        return FindInitdb() || IsRoot()
            ? null
            : $"No PostgreSQL server: set {Variable} to a superuser connection string, or install PostgreSQL (initdb) so the tests start a throwaway cluster with .ci/postgres.sh.";
    }

    public TestDatabase NewDatabase() => new(this);

    /// <summary>Stops the server at once, as a crash would (pg_ctl stop -m immediate).</summary>
    public void Kill() => Script("kill", RequireFolder());

    /// <summary>Starts the server again after <see cref="Kill"/>.</summary>
    public void Restart() => Script("restart", RequireFolder());

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analyzers.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository (Analyzers.sln) above " + AppContext.BaseDirectory);
    }

    private string RequireFolder() =>
        ClusterFolder ?? throw new InvalidOperationException($"The server in {Variable} was not started by .ci/postgres.sh ({FolderVariable} is not set), so this test cannot stop and restart it.");

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(given))
        {
            var folder = Environment.GetEnvironmentVariable(FolderVariable);
            return new PostgresServer(given, string.IsNullOrEmpty(folder) ? null : folder);
        }

        if (IsCi())
        {
            throw new InvalidOperationException($"{Variable} is not set: in CI the PostgreSQL tests need the server .ci/run starts with .ci/postgres.sh; they do not pass without one.");
        }

        var output = Script("start");
        string? connection = null;
        string? dir = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // Lines of the form: export NAME=value (value quoted for bash: only ';' is escaped here).
            var text = line.Trim();
            if (text.StartsWith($"export {Variable}=", StringComparison.Ordinal))
            {
                connection = text.Substring($"export {Variable}=".Length).Replace("\\;", ";");
            }
            else if (text.StartsWith($"export {FolderVariable}=", StringComparison.Ordinal))
            {
                dir = text.Substring($"export {FolderVariable}=".Length);
            }
        }

        if (connection is null || dir is null)
        {
            throw new InvalidOperationException(".ci/postgres.sh start printed no connection: " + output);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Script("stop", dir);
            }
            catch (InvalidOperationException)
            {
            }
        };
        return new PostgresServer(connection, dir);
    }

    private static string Script(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), ".ci", "postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($".ci/postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }

    private static bool IsCi() => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsRoot() => Environment.UserName == "root";

    private static bool FindInitdb()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':');
        return path.Any(p => File.Exists(Path.Combine(p, "initdb")))
            || (Directory.Exists("/usr/lib/postgresql") && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb"))));
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped with the reason when there is none outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A database of its own for one test, dropped afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly PostgresServer _server;

    public TestDatabase(PostgresServer server)
    {
        _server = server;
        Name = "safeshare_test_" + Guid.NewGuid().ToString("N").Substring(0, 12);
        Admin(server.ConnectionString, $"CREATE DATABASE {Name} ENCODING 'UTF8' TEMPLATE template0");
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name };
        ConnectionString = builder.ConnectionString;
    }

    public string Name { get; }

    /// <summary>A superuser's connection string for this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a login role with a password; returns its connection string for this database.</summary>
    public string CreateRole(string role, string password)
    {
        Admin(_server.ConnectionString, $"DROP ROLE IF EXISTS {role}");
        Admin(_server.ConnectionString, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role, Password = password }.ConnectionString;
    }

    /// <summary>Runs SQL as the superuser in this database.</summary>
    public void Sql(string sql) => Admin(ConnectionString, sql);

    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    /// <summary>Runs SQL as the superuser with the triggers off, as someone tampering with the table would.</summary>
    public void Tamper(string sql) => Sql("SET session_replication_role = replica; " + sql);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin(_server.ConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static void Admin(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
