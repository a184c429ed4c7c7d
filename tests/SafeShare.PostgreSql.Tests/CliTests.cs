using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Npgsql;

namespace SafeShare.PostgreSql.Tests;

/// <summary>
/// The safeshare tool on a database, run as a user runs it (its own process): the password from
/// PGPASSWORD or a passfile, the same exit codes and one-line errors as for a file.
/// </summary>
public sealed class CliTests : IDisposable
{
    private readonly TestDatabase _database = PostgresServer.Instance.NewDatabase();
    private readonly string _folder = Directory.CreateTempSubdirectory("safeshare-pg-cli").FullName;
    private readonly string _connection;
    private readonly string _password;

    public CliTests()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _password = builder.Password!;
        builder.Password = null;
        _connection = builder.ConnectionString;
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [PostgresFact]
    public void Init_verify_query_and_export_work_on_a_database_and_the_export_verifies_as_a_file()
    {
        var missing = Run(_password, "db", "init", "--postgres", _connection, "--app-role", "safeshare_cli_app");
        Assert.Equal(2, missing.Code);
        Assert.Contains("role \"safeshare_cli_app\" does not exist", missing.Error);
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'safeshare'"));

        _database.CreateRole("safeshare_cli_app", "app-secret");
        var init = Run(_password, "db", "init", "--postgres", _connection, "--app-role", "safeshare_cli_app");
        Assert.True(init.Code == 0, init.ToString());
        Assert.Contains("role 'safeshare_cli_app' may insert and select", init.Output);
        Assert.Equal(0, Run(_password, "db", "init", "--postgres", _connection).Code); // idempotent

        using (var log = new PostgresDecisionLog(_database.ConnectionString))
        {
            SampleRecords.Write(9, log);
        }

        var verify = Run(_password, "verify", "--postgres", _connection);
        Assert.True(verify.Code == 0, verify.ToString());
        Assert.StartsWith("intact: 9 record(s); head 9 ", verify.Output);

        var query = Run(_password, "query", "--postgres", _connection, "--subject", "CS-2");
        Assert.True(query.Code == 0, query.ToString());
        Assert.Contains("found   : 1 decision(s), 1 disclosure(s)", query.Output);

        var export = Path.Combine(_folder, "log.jsonl");
        var exported = Run(_password, "export", "--postgres", _connection, "--out", export);
        Assert.True(exported.Code == 0, exported.ToString());
        var fileVerify = Run(null, "verify", export);
        Assert.True(fileVerify.Code == 0, fileVerify.ToString());
        Assert.Equal(verify.Output, fileVerify.Output); // same records, same head hash

        var again = Run(_password, "export", "--postgres", _connection, "--out", export);
        Assert.Equal(2, again.Code);
        Assert.Contains("never overwrites", again.Error);
    }

    [PostgresFact]
    public void A_tampered_database_log_exits_1_naming_the_first_bad_record()
    {
        using (var log = new PostgresDecisionLog(_database.ConnectionString))
        {
            log.EnsureSchemaAsync().GetAwaiter().GetResult();
            SampleRecords.Write(6, log);
        }

        _database.Tamper("UPDATE safeshare.decision_log SET line = replace(line, 'High', 'Low') WHERE seq = 4");
        var verify = Run(_password, "verify", "--postgres", _connection);
        Assert.Equal(1, verify.Code);
        Assert.StartsWith("NOT INTACT at record 4 (3 record(s) before it verify)", verify.Output);

        var query = Run(_password, "query", "--postgres", _connection, "--subject", "CS-1");
        Assert.Equal(1, query.Code);
        Assert.Contains("the log is not intact at record 4", query.Error);
    }

    [PostgresFact]
    public void The_password_comes_from_a_passfile_too()
    {
        new PostgresDecisionLog(_database.ConnectionString).EnsureSchemaAsync().GetAwaiter().GetResult();
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        var passfile = Path.Combine(_folder, "pgpass");
        File.WriteAllText(passfile, $"{builder.Host}:{builder.Port}:*:{builder.Username}:{_password}\n");
        if (!OperatingSystem.IsWindows())
        {
            // libpq and Npgsql ignore a passfile others can read.
            File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var verify = Run(null, new[] { ("PGPASSFILE", passfile) }, "verify", "--postgres", _connection);
        Assert.True(verify.Code == 0, verify.ToString());
        Assert.StartsWith("intact: 0 record(s)", verify.Output);
    }

    [PostgresFact]
    public void Report_summarises_a_database_log_under_its_verified_head()
    {
        using (var log = new PostgresDecisionLog(_database.ConnectionString))
        {
            log.EnsureSchemaAsync().GetAwaiter().GetResult();
            SampleRecords.Write(9, log);
        }

        var verify = Run(_password, "verify", "--postgres", _connection);
        Assert.True(verify.Code == 0, verify.ToString());
        var head = verify.Output.Trim().Split(' ').Last();

        var sample = Path.Combine(AppContext.BaseDirectory, "CaseManagement.dll");
        var report = Run(_password, "report", sample, "--postgres", _connection, "--format", "html", "--out", _folder, "--date", "2026-12-01");
        Assert.True(report.Code == 0, report.ToString());
        var html = File.ReadAllText(Path.Combine(_folder, "board-pack.html"));
        Assert.Contains("Decision log verified: intact.", html);
        Assert.Contains($": 9 record(s); head record 9, hash <code>{head}</code>", html);
    }

    [PostgresFact]
    public void Bad_input_is_one_line_and_exit_code_2()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        var cases = new (string? Password, string[] Args, string Expected)[]
        {
            (null, new[] { "verify", "--postgres", _database.ConnectionString }, "must not carry the password"),
            (null, new[] { "verify", "--postgres", $"postgresql://{builder.Username}:{_password}@{builder.Host}:{builder.Port}/{builder.Database}" }, "must not carry the password"),
            (_password, new[] { "verify", "--postgres", "Host=127.0.0.1;Port=1;Database=x;Username=y;Timeout=3" }, "cannot reach the PostgreSQL server at 127.0.0.1:1"),
            ("not-the-password", new[] { "verify", "--postgres", _connection }, $"refused the password of role '{builder.Username}'"),
            (_password, new[] { "verify", "--postgres", _connection }, "safeshare db init"),
            (_password, new[] { "verify", "--postgres", _connection, Path.Combine(_folder, "log.jsonl") }, "not both"),
            (_password, new[] { "verify", "--postgres", "Hots=oops" }, "is not a PostgreSQL connection string"),
            (_password, new[] { "db", "init", "--postgres", _connection, "--schema", "Bad Name" }, "is not a usable schema name"),
        };
        foreach (var (password, args, expected) in cases)
        {
            var result = Run(password, args);
            Assert.True(result.Code == 2, $"{string.Join(' ', args)}: {result}");
            Assert.Contains(expected, result.Error);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("safeshare: ", result.Error);
            Assert.DoesNotContain(_password, result.Error);
        }

        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'safeshare'"));
    }

    private sealed record Result(int Code, string Output, string Error)
    {
        public override string ToString() => $"exit {Code}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    private static Result Run(string? password, params string[] args) => Run(password, Array.Empty<(string, string)>(), args);

    private static Result Run(string? password, (string Name, string Value)[] environment, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(!string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SafeShare.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PGPASSWORD");
        start.Environment.Remove("PGPASSFILE");
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.Result);
    }
}
