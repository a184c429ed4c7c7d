using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace SafeShare.PostgreSql;

/// <summary>
/// The tables of a decision log in one PostgreSQL schema, and the rules the database itself enforces:
/// <list type="bullet">
/// <item><c>decision_log</c>: one row per record; <c>line</c> holds the exact JSON Lines line (without its
/// line break), <c>seq</c>, <c>subject</c> and <c>hash</c> are copies for lookups, checked against it.</item>
/// <item><c>decision_log_head</c>: the last sequence number and hash, moved by the insert trigger in the
/// same transaction, so lines cut off the end are detected as the file log's <c>.lock</c> head does.</item>
/// <item><c>decision_log_schema</c>: the schema version, so an older SafeShare refuses a newer layout.</item>
/// </list>
/// An insert is refused unless it is the next record of the chain and its line matches its hash; UPDATE,
/// DELETE and TRUNCATE are refused for every role, owner included. A superuser can still switch the
/// triggers off: that is what <see cref="PostgresDecisionLog.Verify"/> and a head hash published outside
/// the database are for.
/// </summary>
internal static partial class PostgresLogSchema
{
    /// <summary>The layout this SafeShare creates and reads.</summary>
    public const int Version = 1;

    public const string DefaultSchema = "safeshare";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    public static string CheckSchemaName(string? schema)
    {
        var name = string.IsNullOrEmpty(schema) ? DefaultSchema : schema!;
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a usable schema name: use lower-case letters, digits and underscores (e.g. {DefaultSchema}).", nameof(schema));
        }

        return name;
    }

    /// <summary>Creates what is missing (idempotent), refusing a schema that holds something else or a newer layout.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, string schema, string? applicationRole, string describe, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two servers starting together must not both create the tables.
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('safeshare schema {schema}'))", cancellationToken).ConfigureAwait(false);

        var encoding = (string?)await Scalar(connection, transaction, "SHOW server_encoding", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(encoding, "UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new DecisionLogException(describe, $"The database's encoding is {encoding}; a decision log keeps its lines byte for byte as UTF-8, so it needs a UTF8 database (CREATE DATABASE ... ENCODING 'UTF8').");
        }

        var version = await ReadVersion(connection, transaction, schema, describe, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            await Execute(connection, transaction, CreateSql(schema), cancellationToken).ConfigureAwait(false);
        }

        if (applicationRole is not null)
        {
            await Execute(connection, transaction, GrantSql(schema, applicationRole), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The schema's layout version, or null when the schema holds none of the log's tables. Throws when it
    /// holds tables of the same names that are not a decision log, or a layout newer than this SafeShare.
    /// </summary>
    public static async Task<int?> ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, string describe, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = @schema AND c.relname IN ('decision_log', 'decision_log_head', 'decision_log_schema')",
            connection,
            transaction);
        command.Parameters.AddWithValue("schema", schema);
        var found = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        if (!found.Contains("decision_log_schema"))
        {
            throw new DecisionLogException(describe, $"Schema '{schema}' holds a table named {(found.Contains("decision_log") ? "decision_log" : "decision_log_head")} that is not a SafeShare decision log (it has no decision_log_schema version table); nothing was written. Use another schema.");
        }

        int version;
        try
        {
            version = Convert.ToInt32(await Scalar(connection, transaction, $"SELECT version FROM {schema}.decision_log_schema", cancellationToken).ConfigureAwait(false) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DecisionLogException(describe, $"Schema '{schema}' holds a decision_log_schema table that cannot be read as a SafeShare decision log's ({e.MessageText}); nothing was written.", null, e);
        }

        if (version > Version)
        {
            throw new DecisionLogException(describe, $"The decision log in schema '{schema}' has schema version {version}, made by a newer SafeShare; this one reads version {Version}. Upgrade SafeShare.PostgreSql; nothing was written.");
        }

        if (version < 1 || found.Count != 3)
        {
            throw new DecisionLogException(describe, $"Schema '{schema}' holds an incomplete decision log (version {version}, tables: {string.Join(", ", found)}); nothing was written.");
        }

        return version;
    }

    private static string CreateSql(string s) => $$"""
        CREATE SCHEMA IF NOT EXISTS {{s}};
        REVOKE ALL ON SCHEMA {{s}} FROM PUBLIC;
        CREATE TABLE {{s}}.decision_log_schema (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            version integer NOT NULL
        );
        INSERT INTO {{s}}.decision_log_schema (version) VALUES ({{Version}});
        CREATE TABLE {{s}}.decision_log (
            seq bigint PRIMARY KEY,
            subject text,
            hash char(64) NOT NULL,
            line text NOT NULL
        );
        CREATE INDEX decision_log_subject ON {{s}}.decision_log (subject, seq);
        CREATE TABLE {{s}}.decision_log_head (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            seq bigint NOT NULL,
            hash char(64) NOT NULL
        );
        INSERT INTO {{s}}.decision_log_head (seq, hash) VALUES (0, '{{JsonLinesDecisionLog.Genesis}}');
        REVOKE ALL ON {{s}}.decision_log, {{s}}.decision_log_head, {{s}}.decision_log_schema FROM PUBLIC;

        -- Runs as the schema's owner, so the application's role needs no right to move the head itself.
        CREATE FUNCTION {{s}}.decision_log_check_insert() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            head_seq bigint;
            head_hash text;
            body jsonb;
        BEGIN
            SELECT h.seq, h.hash INTO head_seq, head_hash FROM {{s}}.decision_log_head h FOR UPDATE;
            IF NEW.seq IS DISTINCT FROM head_seq + 1 THEN
                -- serialization_failure: a writer sealed its records onto a head another writer has since moved.
                RAISE EXCEPTION 'decision log: record % is not the next record (the head is record %)', NEW.seq, head_seq
                    USING ERRCODE = 'serialization_failure';
            END IF;
            IF length(NEW.line) <= 75 OR right(NEW.line, 75) <> ',"hash":"' || NEW.hash || '"}'
               OR encode(sha256(convert_to(left(NEW.line, length(NEW.line) - 75), 'UTF8')), 'hex') <> NEW.hash THEN
                RAISE EXCEPTION 'decision log: record % does not match its hash', NEW.seq;
            END IF;
            body := NEW.line::jsonb;
            IF body->>'v' IS DISTINCT FROM '1' OR (body->>'seq')::bigint IS DISTINCT FROM NEW.seq
               OR body->>'prev' IS DISTINCT FROM head_hash OR body->>'subject' IS DISTINCT FROM NEW.subject THEN
                RAISE EXCEPTION 'decision log: record % does not follow on from record % or disagrees with its columns', NEW.seq, head_seq;
            END IF;
            UPDATE {{s}}.decision_log_head SET seq = NEW.seq, hash = NEW.hash;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER decision_log_chain BEFORE INSERT ON {{s}}.decision_log
            FOR EACH ROW EXECUTE FUNCTION {{s}}.decision_log_check_insert();

        CREATE FUNCTION {{s}}.decision_log_refuse_change() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            RAISE EXCEPTION 'decision log: % on %.% is refused: the decision log is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        CREATE TRIGGER decision_log_append_only BEFORE UPDATE OR DELETE ON {{s}}.decision_log
            FOR EACH ROW EXECUTE FUNCTION {{s}}.decision_log_refuse_change();
        CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON {{s}}.decision_log
            FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.decision_log_refuse_change();
        CREATE TRIGGER decision_log_head_kept BEFORE DELETE ON {{s}}.decision_log_head
            FOR EACH ROW EXECUTE FUNCTION {{s}}.decision_log_refuse_change();
        CREATE TRIGGER decision_log_head_no_truncate BEFORE TRUNCATE ON {{s}}.decision_log_head
            FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.decision_log_refuse_change();

        -- The head only moves forward, one record at a time (as the insert trigger moves it).
        CREATE FUNCTION {{s}}.decision_log_head_forward() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF NEW.seq IS DISTINCT FROM OLD.seq + 1 THEN
                RAISE EXCEPTION 'decision log: the head moves forward one record at a time, not from % to %', OLD.seq, NEW.seq
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER decision_log_head_forward BEFORE UPDATE ON {{s}}.decision_log_head
            FOR EACH ROW EXECUTE FUNCTION {{s}}.decision_log_head_forward();
        """;

    private static string GrantSql(string s, string role)
    {
        var quoted = "\"" + role.Replace("\"", "\"\"") + "\"";
        // INSERT and SELECT only: the application can add records and read them, never change or remove them.
        return $"""
            GRANT USAGE ON SCHEMA {s} TO {quoted};
            GRANT SELECT, INSERT ON {s}.decision_log TO {quoted};
            GRANT SELECT ON {s}.decision_log_head, {s}.decision_log_schema TO {quoted};
            """;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
