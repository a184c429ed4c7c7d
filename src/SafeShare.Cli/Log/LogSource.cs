using System;
using System.CommandLine;
using System.Linq;
using Npgsql;
using SafeShare.PostgreSql;

namespace SafeShare.Cli.Log;

/// <summary>
/// Where a command reads a decision log: a JSON Lines file (the <c>log</c> argument) or a PostgreSQL
/// database (<c>--postgres</c>, with <c>--schema</c>). The database password comes from PGPASSWORD or a
/// passfile (~/.pgpass, PGPASSFILE), never from the command line, where any user of the machine could read
/// it in the process list.
/// </summary>
internal sealed class LogSource
{
    private LogSource(string? path, PostgresDecisionLog? database)
    {
        Path = path;
        Database = database;
    }

    /// <summary>The file, when the log is a file.</summary>
    public string? Path { get; }

    /// <summary>The database log, when the log is in PostgreSQL.</summary>
    public PostgresDecisionLog? Database { get; }

    /// <summary>How messages name the log.</summary>
    public string Name => Path ?? Database!.Description;

    /// <summary>What a bad position is called: a file has lines, a database has records (row N is line N of an export).</summary>
    public string Unit => Path is null ? "record" : "line";

    public static Argument<string?> FileArgument(string description) => new("log")
    {
        Description = description + " Omit it with --postgres.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string?> PostgresOption() => new("--postgres")
    {
        Description = "A PostgreSQL connection string (Host=...;Port=...;Database=...;Username=...) or URL (postgresql://user@host:port/database) " +
            "to read the log from instead of a file. The password comes from PGPASSWORD or a passfile, never the command line.",
    };

    public static Option<string> SchemaOption() => new("--schema")
    {
        Description = "The schema that holds the log's tables (with --postgres).",
        DefaultValueFactory = _ => "safeshare",
    };

    public static LogSource From(ParseResult parse, Argument<string?> file, Option<string?> postgres, Option<string> schema) =>
        From(parse.GetValue(file), parse.GetValue(postgres), parse.GetValue(schema)!);

    /// <summary>A log file at <paramref name="path"/>, or a database log at <paramref name="connection"/>: exactly one.</summary>
    public static LogSource From(string? path, string? connection, string schema)
    {
        if (path is not null && connection is not null)
        {
            throw new ToolException("Give either a log file or --postgres, not both.");
        }

        if (connection is not null)
        {
            return new LogSource(null, Open(connection, schema));
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ToolException("Give the decision log file, or --postgres <connection> for a log in PostgreSQL.");
        }

        return new LogSource(path, null);
    }

    public static PostgresDecisionLog Open(string connection, string schema)
    {
        var builder = ConnectionString(connection);
        try
        {
            return new PostgresDecisionLog(builder.ConnectionString, schema);
        }
        catch (ArgumentException e)
        {
            throw new ToolException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>Reads a connection string or URL; refuses one that carries a password.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUrl(text)
                : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or System.Collections.Generic.KeyNotFoundException)
        {
            throw new ToolException($"--postgres is not a PostgreSQL connection string or URL ({e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}): write Host=...;Database=...;Username=... or postgresql://user@host:port/database.");
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            throw new ToolException("--postgres must not carry the password (other users can read command lines): set PGPASSWORD or put it in a passfile (~/.pgpass or PGPASSFILE).");
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        var url = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder();
        if (!string.IsNullOrEmpty(url.Host))
        {
            builder.Host = url.Host;
        }

        if (url.Port > 0)
        {
            builder.Port = url.Port;
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
        {
            builder[Uri.UnescapeDataString(pair[0])] = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : string.Empty;
        }

        return builder;
    }
}
