using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace SafeShare.PostgreSql;

/// <summary>
/// The decision log in a PostgreSQL database: one tamper-evident chain for every server and process of an
/// application. Each row holds one line exactly as <see cref="JsonLinesDecisionLog"/> writes it (same
/// record bytes, same SHA-256 chain), so <see cref="ExportAsync"/> produces a file that
/// <c>safeshare verify</c> checks unchanged.
/// </summary>
/// <remarks>
/// <para>Appends are serialised in the database (a transaction-scoped advisory lock, and the head row
/// locked by the insert trigger), never by a lock in one process. An append returns after its
/// <c>COMMIT</c> has returned with <c>synchronous_commit</c> on: the record is durable. Appends waiting in
/// one process go in one transaction (group commit), so throughput grows with the number of writers.</para>
/// <para>A failed append throws one <see cref="DecisionLogException"/> and its transaction is rolled back:
/// nothing of it is in the log. The schema (see <see cref="EnsureSchemaAsync"/>) gives the application's
/// role INSERT and SELECT only, and its triggers refuse UPDATE, DELETE and TRUNCATE for every role.</para>
/// </remarks>
public sealed class PostgresDecisionLog : IDecisionLog, IDecisionLogReader, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly NpgsqlConnectionStringBuilder _connection;
    private readonly string _schema;
    private readonly string _insertSql;
    private readonly string _headSql;

    private readonly object _gate = new();
    private List<Pending> _queue = new();
    private bool _leading;
    private int _lastBatchSize;
    private long _lastCommitTicks;
    private long _lockKey;
    private bool _checked;

    // Leader-only: the head this instance committed last, while no other writer is known to have moved it.
    private (long Sequence, string Hash)? _head;
    private int _pessimistic;

    /// <summary>
    /// Opens the log in <paramref name="schema"/> of the database <paramref name="connectionString"/> names.
    /// The password may come from the connection string, <c>PGPASSWORD</c> or a passfile. Nothing is
    /// contacted until the first append or read.
    /// </summary>
    public PostgresDecisionLog(string connectionString, string schema = PostgresLogSchema.DefaultSchema)
        : this(BuildDataSource(connectionString), schema, ownsDataSource: true)
    {
    }

    /// <summary>Opens the log in <paramref name="schema"/> through an application's own data source (not disposed with the log).</summary>
    public PostgresDecisionLog(NpgsqlDataSource dataSource, string schema = PostgresLogSchema.DefaultSchema)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), schema, ownsDataSource: false)
    {
    }

    private PostgresDecisionLog(NpgsqlDataSource dataSource, string schema, bool ownsDataSource)
    {
        _schema = PostgresLogSchema.CheckSchemaName(schema);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _connection = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Description = PostgresFailure.Describe(_connection, _schema);
        _insertSql = $"INSERT INTO {_schema}.decision_log (seq, subject, hash, line) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])";
        _headSql = $"SELECT seq, hash FROM {_schema}.decision_log_head";
    }

    /// <summary>The log's schema, database and server, for messages (never the password).</summary>
    public string Description { get; }

    /// <summary>The schema that holds the log's tables.</summary>
    public string Schema => _schema;

    /// <summary>
    /// Creates the log's tables, triggers and grants in the schema if they are not there yet (idempotent, safe
    /// to run from every server at start-up), and grants <paramref name="applicationRole"/> (when given) USAGE
    /// on the schema, INSERT and SELECT on the log and SELECT on its head: nothing more. Run it as the role
    /// that is to own the log (not the application's role).
    /// </summary>
    /// <exception cref="DecisionLogException">The server cannot be reached, or the schema holds tables that are not a
    /// decision log, or a decision log of a newer schema version; nothing was changed.</exception>
    public async Task EnsureSchemaAsync(string? applicationRole = null, CancellationToken cancellationToken = default)
    {
        if (applicationRole is { Length: 0 })
        {
            throw new ArgumentException("Name the application's role, or pass null.", nameof(applicationRole));
        }

        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await PostgresLogSchema.EnsureAsync(connection, _schema, applicationRole, Description, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            throw PostgresFailure.Translate(e, _connection, Description, $"Cannot set up the {Description}");
        }
    }

    /// <inheritdoc/>
    /// <exception cref="DecisionLogException">The record could not be made durable; it is not in the log.</exception>
    public void Append(DecisionRecord decision) => AppendAsync(decision).GetAwaiter().GetResult();

    /// <inheritdoc/>
    /// <exception cref="DecisionLogException">The record could not be made durable; it is not in the log.</exception>
    public void Append(DisclosureRecord disclosure) => AppendAsync(disclosure).GetAwaiter().GetResult();

    /// <summary>Appends a decision record; completes once it is committed. Cancelled only while it still waits for its turn.</summary>
    /// <exception cref="DecisionLogException">The record could not be made durable; it is not in the log.</exception>
    public Task AppendAsync(DecisionRecord decision, CancellationToken cancellationToken = default)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        return Enqueue(LogLineFormat.Body(decision), decision.SubjectReference, cancellationToken);
    }

    /// <inheritdoc cref="AppendAsync(DecisionRecord, CancellationToken)"/>
    public Task AppendAsync(DisclosureRecord disclosure, CancellationToken cancellationToken = default)
    {
        if (disclosure is null)
        {
            throw new ArgumentNullException(nameof(disclosure));
        }

        return Enqueue(LogLineFormat.Body(disclosure), disclosure.SubjectReference, cancellationToken);
    }

    /// <inheritdoc/>
    public IEnumerable<DecisionLogEntry> ReadAll() => Read(null);

    /// <inheritdoc/>
    public IEnumerable<DecisionLogEntry> ReadSubject(string subjectReference) =>
        Read(subjectReference ?? throw new ArgumentNullException(nameof(subjectReference)));

    /// <summary>
    /// Checks the chain as <see cref="JsonLinesDecisionLog.Verify(string)"/> checks a file, over the rows in
    /// sequence order (row N is line N of an export), and against the head row, so rows edited, deleted,
    /// re-ordered or cut off the end are named by the first bad record. Reads one consistent snapshot.
    /// </summary>
    /// <exception cref="DecisionLogException">The log cannot be read.</exception>
    public DecisionLogVerification Verify()
    {
        var spool = new FileStream(System.IO.Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (spool)
        {
            (long Sequence, string Hash) head;
            long? columnsDisagree = null;
            var hashBefore = JsonLinesDecisionLog.Genesis;
            var lastHash = JsonLinesDecisionLog.Genesis;
            try
            {
                head = Snapshot(spool, (row, seq, subject, hash, line, sha) =>
                {
                    if (columnsDisagree is null && !ColumnsAgree(seq, subject, hash, line, sha))
                    {
                        columnsDisagree = row;
                        hashBefore = lastHash;
                    }

                    lastHash = hash;
                });
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                throw PostgresFailure.Translate(e, _connection, Description, $"Cannot read the {Description}");
            }

            var result = LogVerifier.Walk(Description, spool, spool.Length, head, $"the head row {_schema}.decision_log_head");
            if (columnsDisagree is { } bad && (result.IsIntact || result.FirstBadLine > bad))
            {
                // The lines chain, but a row's lookup columns were changed: a subject search would miss or misfile it.
                return new DecisionLogVerification(Description, bad - 1, bad - 1, hashBefore, bad, $"record {bad}'s seq, subject or hash column differs from its line (the row was edited in the database).");
            }

            return result;
        }
    }

    /// <summary>
    /// Writes the log, as JSON Lines byte for byte, to <paramref name="output"/> from one consistent snapshot:
    /// the file verifies with <c>safeshare verify</c> and its head matches <see cref="Verify"/>'s.
    /// Returns the number of records written.
    /// </summary>
    /// <exception cref="DecisionLogException">The log cannot be read.</exception>
    public long Export(Stream output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        long records = 0;
        try
        {
            Snapshot(output, (_, _, _, _, _, _) => records++);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw PostgresFailure.Translate(e, _connection, Description, $"Cannot read the {Description}");
        }

        return records;
    }

    /// <inheritdoc cref="Export"/>
    public Task<long> ExportAsync(Stream output, CancellationToken cancellationToken = default) =>
        Task.Run(() => Export(output), cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("Give a PostgreSQL connection string, e.g. Host=db;Database=cases;Username=cases_app.", nameof(connectionString));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"Not a PostgreSQL connection string ({e.Message}). Write it as Host=...;Database=...;Username=...", nameof(connectionString), e);
        }

        // Durable at COMMIT whatever the server's or the role's default.
        builder.Options = ((builder.Options ?? string.Empty) + " -c synchronous_commit=on").Trim();
        if (builder.MaxAutoPrepare == 0)
        {
            // The append's few statements run on every commit: prepared once per connection, parsed once.
            builder.MaxAutoPrepare = 8;
        }

        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    private Task Enqueue(byte[] body, string? subject, CancellationToken cancellationToken)
    {
        if (body.Length > LogLineFormat.MaxLineBytes - 256)
        {
            throw new DecisionLogException(Description, $"The record is {body.Length} bytes; a decision-log line holds at most {LogLineFormat.MaxLineBytes - 256}. Records hold references and field names, not documents.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(body, subject);
        bool lead;
        lock (_gate)
        {
            _queue.Add(pending);
            lead = !_leading;
            _leading = true;
        }

        if (lead)
        {
            _ = Task.Run(LeadAsync);
        }

        if (cancellationToken.CanBeCanceled)
        {
            // Only while still queued: once in a transaction, the commit decides, not the caller.
            var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (_queue.Remove(pending))
                    {
                        pending.Completion.TrySetCanceled(cancellationToken);
                    }
                }
            });
            pending.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return pending.Completion.Task;
    }

    /// <summary>Commits what is queued, batch after batch, until the queue is empty; one leader at a time.</summary>
    private async Task LeadAsync()
    {
        while (true)
        {
            var batch = TakeBatch();
            if (batch is null)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            DecisionLogException? error = null;
            var attempt = new Attempt();
            try
            {
                try
                {
                    await CommitAsync(batch, attempt).ConfigureAwait(false);
                }
                catch (Exception e) when (PostgresFailure.IsConnectionLost(e) && !attempt.CommitSent)
                {
                    // A pooled connection that died with a server restart: nothing was committed, so the
                    // batch is tried once more on a fresh connection.
                    _dataSource.Clear();
                    attempt = new Attempt();
                    await CommitAsync(batch, attempt).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                if (PostgresFailure.IsConnectionLost(e))
                {
                    _dataSource.Clear();
                }

                // Whatever went wrong, the batch's appends must not return as if their records were kept.
                error = PostgresFailure.Translate(
                    e,
                    _connection,
                    Description,
                    attempt.CommitSent && PostgresFailure.IsConnectionLost(e)
                        ? $"Cannot append to the {Description}; the connection was lost during COMMIT and the server could not be asked whether the record was kept, so it is not acknowledged (look for it with 'safeshare query' once the server is back)"
                        : $"Cannot append to the {Description}; the record was not written");
            }

            lock (_gate)
            {
                _lastBatchSize = batch.Count;
                _lastCommitTicks = clock.ElapsedTicks;
            }

            foreach (var pending in batch)
            {
                if (error is null)
                {
                    pending.Completion.TrySetResult(true);
                }
                else
                {
                    pending.Completion.TrySetException(error);
                }
            }
        }
    }

    /// <summary>
    /// Takes the queued appends, or null (and stops leading) when there are none. When the last batch was
    /// bigger than the queue now, waits briefly (at most half the last commit, never more than 2 ms) for the
    /// writers that are about to append again: without this, busy writers split into two groups that take
    /// turns, and each commit carries only half of them. A single writer never waits.
    /// </summary>
    private List<Pending>? TakeBatch()
    {
        long limit;
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                _leading = false;
                return null;
            }

            limit = _queue.Count < _lastBatchSize ? Math.Min(_lastCommitTicks / 2, Stopwatch.Frequency / 500) : 0;
        }

        var waited = Stopwatch.StartNew();
        while (waited.ElapsedTicks < limit)
        {
            Thread.Yield();
            lock (_gate)
            {
                if (_queue.Count >= _lastBatchSize)
                {
                    break;
                }
            }
        }

        lock (_gate)
        {
            var batch = _queue;
            _queue = new List<Pending>();
            if (batch.Count == 0)
            {
                // Every queued append was cancelled while this leader waited.
                _leading = false;
                return null;
            }

            return batch;
        }
    }

    /// <summary>
    /// Commits one batch. When this instance wrote the head last, the batch is sealed onto it and sent with the
    /// lock in one round trip (an implicit transaction: lock, insert, commit); if another process has moved
    /// the head since, the insert trigger refuses it, nothing is written, and the batch is sealed again onto
    /// the head read under the lock.
    /// </summary>
    private async Task CommitAsync(List<Pending> batch, Attempt attempt)
    {
        if (_pessimistic > 0)
        {
            _pessimistic--;
        }
        else if (_head is { } known)
        {
            var guess = Seal(batch, known.Sequence, known.Hash);
            await using var connection = await OpenCheckedAsync().ConfigureAwait(false);
            try
            {
                await using var write = new NpgsqlBatch(connection);
                write.BatchCommands.Add(LockCommand());
                write.BatchCommands.Add(InsertCommand(guess));
                attempt.CommitSent = true;
                await write.ExecuteNonQueryAsync().ConfigureAwait(false);
                _head = guess.Last;
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.SerializationFailure)
            {
                // Another writer moved the head: nothing of this batch was written. Other processes are
                // writing now, so the next batches read the head under the lock instead of guessing.
                _head = null;
                _pessimistic = 16;
                attempt.CommitSent = false;
            }
            catch (Exception e) when (PostgresFailure.IsConnectionLost(e))
            {
                _head = null;
                switch (await OutcomeAsync(guess.Last).ConfigureAwait(false))
                {
                    case true:
                        _head = guess.Last;
                        return;
                    case false:
                        // Known not written: the batch may be tried again.
                        attempt.CommitSent = false;
                        throw;
                    default:
                        throw;
                }
            }
        }

        await using (var connection = await OpenCheckedAsync().ConfigureAwait(false))
        {
            // Two round trips with the lock held: BEGIN, lock, read the head; then insert and COMMIT together.
            long headSequence;
            string headHash;
            try
            {
                await using (var start = new NpgsqlBatch(connection))
                {
                    // One chain: every writer of this log, on any server, takes this lock before it reads the head.
                    start.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                    start.BatchCommands.Add(LockCommand());
                    start.BatchCommands.Add(new NpgsqlBatchCommand(_headSql));
                    await using var reader = await start.ExecuteReaderAsync().ConfigureAwait(false);
                    // The head is the last result (the lock returns one void column).
                    while (reader.FieldCount != 2 && await reader.NextResultAsync().ConfigureAwait(false))
                    {
                    }

                    if (reader.FieldCount != 2 || !await reader.ReadAsync().ConfigureAwait(false))
                    {
                        throw new DecisionLogException(Description, $"Cannot append to the {Description}: its head row is missing (the log was tampered with); nothing was written. Run 'safeshare verify' on it.");
                    }

                    headSequence = reader.GetInt64(0);
                    headHash = reader.GetString(1);
                }
            }
            catch (Exception)
            {
                await RollBackAsync(connection).ConfigureAwait(false);
                throw;
            }

            var lines = Seal(batch, headSequence, headHash);
            attempt.CommitSent = true;
            try
            {
                await using var write = new NpgsqlBatch(connection);
                write.BatchCommands.Add(InsertCommand(lines));
                write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                await write.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (PostgresException e) when (!PostgresFailure.IsConnectionLost(e))
            {
                // Refused before COMMIT ran: nothing was written.
                await RollBackAsync(connection).ConfigureAwait(false);
                attempt.CommitSent = false;
                throw;
            }
            catch (Exception e) when (PostgresFailure.IsConnectionLost(e))
            {
                // The connection died during COMMIT: the server may or may not have committed. Ask it, so an
                // append that was in fact kept is not reported as lost (and one that was not, is not acknowledged).
                var outcome = await OutcomeAsync(lines.Last).ConfigureAwait(false);
                if (outcome != true)
                {
                    attempt.CommitSent = outcome is null;
                    throw;
                }
            }

            _head = lines.Last;
        }
    }

    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            // The connection is broken: the server rolls the transaction back when it goes.
        }
    }

    private NpgsqlBatchCommand LockCommand()
    {
        var command = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = _lockKey });
        return command;
    }

    private NpgsqlBatchCommand InsertCommand(SealedLines lines)
    {
        var command = new NpgsqlBatchCommand(_insertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = lines.Sequences });
        command.Parameters.Add(new NpgsqlParameter { Value = lines.Subjects });
        command.Parameters.Add(new NpgsqlParameter { Value = lines.Hashes });
        command.Parameters.Add(new NpgsqlParameter { Value = lines.Lines });
        return command;
    }

    private static SealedLines Seal(List<Pending> batch, long headSequence, string headHash)
    {
        var lines = new SealedLines(batch.Count);
        using var sha = SHA256.Create();
        var buffer = new MemoryStream(1024);
        var sequence = headSequence;
        var hash = headHash;
        for (var i = 0; i < batch.Count; i++)
        {
            buffer.SetLength(0);
            hash = LogLineFormat.Seal(buffer, sha, ++sequence, hash, batch[i].Body);
            lines.Sequences[i] = sequence;
            lines.Subjects[i] = batch[i].Subject;
            lines.Hashes[i] = hash;
            lines.Lines[i] = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length - 1); // without its line break
        }

        lines.Last = (sequence, hash);
        return lines;
    }

    /// <summary>After a connection was lost mid-commit: true if the batch ending at <paramref name="last"/> is in the log, false if not, null if the server cannot say.</summary>
    private async Task<bool?> OutcomeAsync((long Sequence, string Hash) last)
    {
        try
        {
            _dataSource.Clear();
            await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"SELECT hash FROM {_schema}.decision_log WHERE seq = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = last.Sequence });
            return await command.ExecuteScalarAsync().ConfigureAwait(false) is string found && found == last.Hash;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>A connection to a server that holds this log, checked once (schema version, tables) per instance.</summary>
    private async Task<NpgsqlConnection> OpenCheckedAsync()
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresFailure.IsConnectionLost(e) && e is not PostgresException)
        {
            // After a server restart the pool may hand out a connection that died with it: drop them and try once more.
            _dataSource.Clear();
            connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _checked))
        {
            return connection;
        }

        try
        {
            if (await PostgresLogSchema.ReadVersion(connection, null, _schema, Description, CancellationToken.None).ConfigureAwait(false) is null)
            {
                throw new DecisionLogException(Description, $"There is no decision log in schema '{_schema}' of database '{connection.Database}' at {PostgresFailure.Server(_connection)}; create it with 'safeshare db init' or EnsureSchemaAsync. Nothing was written.");
            }

            await using var command = new NpgsqlCommand($"SELECT '{_schema}.decision_log'::regclass::oid::bigint, current_setting('synchronous_commit')", connection);
            await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
            {
                await reader.ReadAsync().ConfigureAwait(false);
                _lockKey = reader.GetInt64(0);
                if (reader.GetString(1) == "off")
                {
                    // An application's own data source may turn it off; then COMMIT returns before the record is on disk.
                    throw new DecisionLogException(Description, $"synchronous_commit is off for this connection, so a committed record could still be lost in a crash; turn it on (Options=-c synchronous_commit=on in the connection string, or ALTER ROLE ... SET synchronous_commit = on). Nothing was written.");
                }
            }

            Volatile.Write(ref _checked, true);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private NpgsqlConnection OpenChecked()
    {
        var connection = _dataSource.OpenConnection();
        try
        {
            if (PostgresLogSchema.ReadVersion(connection, null, _schema, Description, CancellationToken.None).GetAwaiter().GetResult() is null)
            {
                throw new DecisionLogException(Description, $"There is no decision log in schema '{_schema}' of database '{connection.Database}' at {PostgresFailure.Server(_connection)}; create it with 'safeshare db init' or EnsureSchemaAsync.");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private delegate void RowVisitor(long row, long seq, string? subject, string hash, byte[] line, SHA256 sha);

    /// <summary>
    /// Writes every row's line and a line break to <paramref name="output"/> in sequence order, from one
    /// snapshot, and returns the head row of that snapshot.
    /// </summary>
    private (long Sequence, string Hash) Snapshot(Stream output, RowVisitor visit)
    {
        var start = output.CanSeek ? output.Position : -1;
        try
        {
            return SnapshotOnce(output, visit);
        }
        catch (Exception e) when (PostgresFailure.IsConnectionLost(e) && start >= 0)
        {
            // A pooled connection that died with a server restart: read again on a fresh one.
            _dataSource.Clear();
            output.SetLength(start);
            return SnapshotOnce(output, visit);
        }
    }

    private (long Sequence, string Hash) SnapshotOnce(Stream output, RowVisitor visit)
    {
        using var connection = OpenChecked();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        (long, string) head;
        using (var command = new NpgsqlCommand(_headSql, connection, transaction))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new DecisionLogException(Description, $"The {Description} has no head row: it was deleted (the log was tampered with).");
            }

            head = (reader.GetInt64(0), reader.GetString(1));
        }

        using var sha = SHA256.Create();
        using (var command = new NpgsqlCommand($"SELECT seq, subject, hash, line FROM {_schema}.decision_log ORDER BY seq", connection, transaction))
        using (var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess))
        {
            long row = 0;
            while (reader.Read())
            {
                row++;
                var seq = reader.GetInt64(0);
                var subject = reader.IsDBNull(1) ? null : reader.GetString(1);
                var hash = reader.GetString(2);
                var line = Encoding.UTF8.GetBytes(reader.GetString(3));
                output.Write(line, 0, line.Length);
                output.WriteByte((byte)'\n');
                visit(row, seq, subject, hash, line, sha);
            }
        }

        transaction.Commit();
        output.Flush();
        return head;
    }

    private static bool ColumnsAgree(long seq, string? subject, string hash, byte[] line, SHA256 sha)
    {
        try
        {
            var parsed = LogLineFormat.Parse(line, line.Length, sha);
            var recordSubject = parsed.Decision?.SubjectReference ?? parsed.Disclosure?.SubjectReference;
            return parsed.Sequence == seq && parsed.Hash == hash && string.Equals(recordSubject, subject, StringComparison.Ordinal);
        }
        catch (MalformedLineException)
        {
            // The walk names what is wrong with the line itself.
            return true;
        }
    }

    private IEnumerable<DecisionLogEntry> Read(string? subject)
    {
        var (connection, reader) = OpenReader(subject, retry: true);
        using (connection)
        using (reader)
        using (var sha = SHA256.Create())
        {
            while (true)
            {
                var entry = Next(reader, sha);
                if (entry is null)
                {
                    yield break;
                }

                // The subject column only finds rows; the sealed line decides what they hold.
                if (subject is null || string.Equals(entry.SubjectReference, subject, StringComparison.Ordinal))
                {
                    yield return entry;
                }
            }
        }
    }

    private (NpgsqlConnection Connection, NpgsqlDataReader Reader) OpenReader(string? subject, bool retry)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = OpenChecked();
            var command = new NpgsqlCommand(
                subject is null
                    ? $"SELECT seq, line FROM {_schema}.decision_log ORDER BY seq"
                    : $"SELECT seq, line FROM {_schema}.decision_log WHERE subject = $1 ORDER BY seq",
                connection);
            if (subject is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = subject });
            }

            return (connection, command.ExecuteReader(System.Data.CommandBehavior.CloseConnection));
        }
        catch (Exception e) when (retry && PostgresFailure.IsConnectionLost(e))
        {
            // A pooled connection that died with a server restart: ask once more on a fresh one.
            connection?.Dispose();
            _dataSource.Clear();
            return OpenReader(subject, retry: false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            connection?.Dispose();
            throw PostgresFailure.Translate(e, _connection, Description, $"Cannot read the {Description}");
        }
    }

    private DecisionLogEntry? Next(NpgsqlDataReader reader, SHA256 sha)
    {
        long seq;
        byte[] line;
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            seq = reader.GetInt64(0);
            line = Encoding.UTF8.GetBytes(reader.GetString(1));
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            throw PostgresFailure.Translate(e, _connection, Description, $"Cannot read the {Description}");
        }

        try
        {
            var parsed = LogLineFormat.Parse(line, line.Length, sha);
            return new DecisionLogEntry(seq, parsed.Sequence, parsed.Hash, parsed.Decision, parsed.Disclosure);
        }
        catch (MalformedLineException e)
        {
            throw new DecisionLogException(Description, $"Record {seq} of the {Description} {e.Message}.", seq, e);
        }
    }

    /// <summary>How far one try at committing a batch got.</summary>
    private sealed class SealedLines
    {
        public SealedLines(int count)
        {
            Sequences = new long[count];
            Subjects = new string?[count];
            Hashes = new string[count];
            Lines = new string[count];
        }

        public long[] Sequences { get; }

        public string?[] Subjects { get; }

        public string[] Hashes { get; }

        public string[] Lines { get; }

        public (long Sequence, string Hash) Last { get; set; }
    }

    private sealed class Attempt
    {
        public bool CommitSent { get; set; }
    }

    private sealed class Pending
    {
        public Pending(byte[] body, string? subject)
        {
            Body = body;
            Subject = subject;
        }

        public byte[] Body { get; }

        public string? Subject { get; }

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
