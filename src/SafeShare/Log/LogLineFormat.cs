using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeShare;

/// <summary>
/// One line of the decision log, as read back: its place in the chain and the record it holds.
/// </summary>
internal sealed class ParsedLine
{
    public ParsedLine(long sequence, string previous, string hash, string computedHash, DecisionRecord? decision, DisclosureRecord? disclosure)
    {
        Sequence = sequence;
        Previous = previous;
        Hash = hash;
        ComputedHash = computedHash;
        Decision = decision;
        Disclosure = disclosure;
    }

    public long Sequence { get; }

    public string Previous { get; }

    public string Hash { get; }

    public string ComputedHash { get; }

    public DecisionRecord? Decision { get; }

    public DisclosureRecord? Disclosure { get; }
}

/// <summary>A line that is not a decision-log line; the message says why, in words a reviewer can act on.</summary>
internal sealed class MalformedLineException : Exception
{
    public MalformedLineException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The line format of <see cref="JsonLinesDecisionLog"/> (version 1). A line is one JSON object:
/// <c>{"v":1,"seq":N,"prev":"&lt;hash of line N-1&gt;", ...the record..., "hash":"&lt;SHA-256&gt;"}</c>.
/// The hash is the SHA-256 of the line's UTF-8 bytes up to (not including) <c>,"hash":"</c>, so it
/// covers the previous line's hash too: each line seals everything before it. The first line's
/// <c>prev</c> is <see cref="JsonLinesDecisionLog.Genesis"/>. Records carry references and field names
/// only, never the values shared (golden rule 6 of the Sheffield schools guide).
/// </summary>
internal static class LogLineFormat
{
    public const int Version = 1;

    /// <summary>Longest line written or read: records are small, a longer line is not one of ours.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private static readonly byte[] HashMarker = Encoding.UTF8.GetBytes(",\"hash\":\"");

    /// <summary>Length of <c>,"hash":"</c> + 64 hex digits + <c>"}</c>.</summary>
    private static readonly int SuffixLength = HashMarker.Length + 64 + 2;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Files, not HTML: keep names such as "Police – CAIT" readable in the log.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record's members as a JSON object; the chain members are added when the line is committed.</summary>
    public static byte[] Body(DecisionRecord decision)
    {
        using var stream = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "decision");
            w.WriteString("id", decision.Id.ToString("D"));
            w.WriteString("decidedAt", decision.DecidedAt);
            w.WriteString("decidedBy", decision.DecidedBy);
            w.WriteString("subject", decision.SubjectReference);
            WriteEnum(w, "outcome", decision.Outcome);
            w.WriteString("share", decision.Share);
            w.WriteString("recipient", decision.Recipient);
            w.WriteString("purpose", decision.Purpose);
            WriteEnum(w, "lawfulBasis", decision.LawfulBasis);
            w.WriteString("gateway", decision.Gateway);
            if (decision.Annex1 != Annex1Condition.None)
            {
                // Only an Art. 6(1)(ea) decision carries its Annex 1 condition, so other lines keep their bytes.
                WriteEnum(w, "annex1", decision.Annex1);
            }

            WriteEnum(w, "article9Condition", decision.Article9Condition);
            WriteEnum(w, "schedule1", decision.Schedule1);
            w.WriteStartObject("consent");
            var consent = decision.Consent ?? Consent.NotRequired();
            WriteEnum(w, "status", consent.Status);
            w.WriteString("obtainedFrom", consent.ObtainedFrom);
            if (consent.ObtainedAt is { } obtainedAt)
            {
                w.WriteString("obtainedAt", obtainedAt);
            }
            else
            {
                w.WriteNull("obtainedAt");
            }

            w.WriteString("reason", consent.Reason);
            if (consent.WithdrawnAt is { } withdrawnAt)
            {
                w.WriteString("withdrawnAt", withdrawnAt);
            }

            w.WriteEndObject();
            WriteEnum(w, "risk", decision.Risk);
            w.WriteStartArray("fields");
            foreach (var field in decision.Fields ?? Array.Empty<SharedField>())
            {
                w.WriteStartObject();
                w.WriteString("name", field.Name);
                WriteEnum(w, "kind", field.Kind);
                WriteEnum(w, "category", field.Category);
                if (field.Kind == DataKind.CriminalOffence && (field.Article10Condition != Schedule1Condition.None || field.OfficialAuthority is not null))
                {
                    // Only criminal offence data carries what authorises it (Art. 10), so other lines keep their bytes.
                    w.WriteStartObject("article10");
                    WriteEnum(w, "schedule1", field.Article10Condition);
                    w.WriteString("officialAuthority", field.OfficialAuthority);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("reasons", decision.Reasons);

            // Written only when recorded, so the lines of decisions without them keep their bytes.
            if (decision.Paragraph18Reason != Paragraph18Reason.None)
            {
                WriteEnum(w, "paragraph18Reason", decision.Paragraph18Reason);
            }

            if (decision.ConsultedWith is not null)
            {
                w.WriteString("consultedWith", decision.ConsultedWith);
            }

            if (decision.RequestedBy is not null)
            {
                w.WriteString("requestedBy", decision.RequestedBy);
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <inheritdoc cref="Body(DecisionRecord)"/>
    public static byte[] Body(DisclosureRecord disclosure)
    {
        using var stream = new MemoryStream(384);
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "disclosure");
            w.WriteString("id", disclosure.Id.ToString("D"));
            w.WriteString("decisionId", disclosure.DecisionId.ToString("D"));
            w.WriteString("subject", disclosure.SubjectReference);
            w.WriteString("sentAt", disclosure.SentAt);
            w.WriteString("recipient", disclosure.Recipient);
            w.WriteStartArray("fieldsSent");
            foreach (var field in disclosure.FieldsSent ?? Array.Empty<string>())
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
            w.WriteString("channel", disclosure.Channel);
            w.WriteBoolean("encrypted", disclosure.Encrypted);
            WriteEnum(w, "outcome", disclosure.Outcome);
            w.WriteString("detail", disclosure.Detail);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Builds the full line (with its trailing line break) for <paramref name="body"/> at
    /// <paramref name="sequence"/>, chained to <paramref name="previous"/>; returns the line's hash.
    /// </summary>
    public static string Seal(Stream output, SHA256 sha, long sequence, string previous, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes("{\"v\":" + Version.ToString(CultureInfo.InvariantCulture) + ",\"seq\":" + sequence.ToString(CultureInfo.InvariantCulture) + ",\"prev\":\"" + previous + "\",");
        // body is "{...}": its members follow the chain members; its closing brace is replaced by the hash.
        var prefix = new byte[head.Length + body.Length - 2];
        Buffer.BlockCopy(head, 0, prefix, 0, head.Length);
        Buffer.BlockCopy(body, 1, prefix, head.Length, body.Length - 2);
        var hash = Hex(sha.ComputeHash(prefix));
        output.Write(prefix, 0, prefix.Length);
        output.Write(HashMarker, 0, HashMarker.Length);
        var tail = Encoding.ASCII.GetBytes(hash + "\"}\n");
        output.Write(tail, 0, tail.Length);
        return hash;
    }

    /// <summary>Parses one line (without its line break) and checks it against its own hash.</summary>
    /// <exception cref="MalformedLineException">The line is not a decision-log line.</exception>
    public static ParsedLine Parse(byte[] line, int length, SHA256 sha)
    {
        if (length == 0)
        {
            throw new MalformedLineException("is empty");
        }

        try
        {
            StrictUtf8.GetCharCount(line, 0, length);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedLineException(line.Length >= 2 && ((line[0] == 0xFF && line[1] == 0xFE) || (line[0] == 0xFE && line[1] == 0xFF))
                ? "is not UTF-8 text (it starts with a UTF-16 byte-order mark; a decision log is UTF-8 JSON Lines)"
                : "is not UTF-8 text (a decision log is UTF-8 JSON Lines)");
        }

        // The hash is checked before anything else is read, so an edited line is named as altered
        // whatever else the edit broke.
        string? hash = null;
        string? computed = null;
        if (length >= SuffixLength && EndsWithHash(line, length))
        {
            hash = Encoding.ASCII.GetString(line, length - 66, 64);
            computed = Hex(sha.ComputeHash(line, 0, length - SuffixLength));
        }

        string Problem(string detail) =>
            hash is not null && hash != computed ? "was altered: its content does not match its hash (and it " + detail + ")" : detail;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new ReadOnlyMemory<byte>(line, 0, length));
        }
        catch (JsonException e)
        {
            throw new MalformedLineException(Problem("is not JSON: " + FirstSentence(e.Message)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedLineException(Problem("is not a JSON object"));
            }

            if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
            {
                throw new MalformedLineException(Problem("has no format version \"v\": it is not a decision-log line"));
            }

            if (version != Version)
            {
                throw new MalformedLineException(Problem($"has format version {version}; this SafeShare reads version {Version}"));
            }

            if (hash is null || computed is null)
            {
                throw new MalformedLineException("does not end with its hash (\"hash\" must be the last member)");
            }

            if (!root.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var sequence) || sequence <= 0)
            {
                throw new MalformedLineException(Problem("has no sequence number \"seq\""));
            }

            if (!root.TryGetProperty("prev", out var prev) || prev.ValueKind != JsonValueKind.String || !IsHash(prev.GetString()))
            {
                throw new MalformedLineException(Problem("has no previous-line hash \"prev\""));
            }

            var previous = prev.GetString()!;
            try
            {
                var kind = Text(root, "kind");
                return kind switch
                {
                    "decision" => new ParsedLine(sequence, previous, hash, computed, ReadDecision(root), null),
                    "disclosure" => new ParsedLine(sequence, previous, hash, computed, null, ReadDisclosure(root)),
                    _ => throw new FormatException($"unknown kind \"{kind}\", expected decision or disclosure"),
                };
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new MalformedLineException(Problem("holds a record that cannot be read: " + FirstSentence(e.Message)));
            }
        }
    }

    private static DecisionRecord ReadDecision(JsonElement root)
    {
        var consent = Member(root, "consent");
        var fields = new List<SharedField>();
        foreach (var field in Elements(root, "fields"))
        {
            var kind = Enum<DataKind>(field, "kind");
            fields.Add(kind == DataKind.CriminalOffence && field.TryGetProperty("article10", out var article10) && article10.ValueKind == JsonValueKind.Object
                ? SharedField.CriminalOffence(Text(field, "name")!, Enum<Schedule1Condition>(article10, "schedule1"), Text(article10, "officialAuthority"))
                : new SharedField(Text(field, "name")!, kind, NullableEnum<SpecialCategory>(field, "category")));
        }

        return new DecisionRecord
        {
            Id = Guid.Parse(Text(root, "id")!),
            DecidedAt = Time(root, "decidedAt"),
            DecidedBy = Text(root, "decidedBy")!,
            SubjectReference = Text(root, "subject")!,
            Outcome = Enum<DecisionOutcome>(root, "outcome"),
            Share = Text(root, "share")!,
            Recipient = Text(root, "recipient")!,
            Purpose = Text(root, "purpose")!,
            LawfulBasis = NullableEnum<LawfulBasis>(root, "lawfulBasis"),
            Gateway = Text(root, "gateway"),
            Annex1 = root.TryGetProperty("annex1", out _) ? Enum<Annex1Condition>(root, "annex1") : Annex1Condition.None,
            Article9Condition = NullableEnum<Article9Condition>(root, "article9Condition"),
            Schedule1 = Enum<Schedule1Condition>(root, "schedule1"),
            Consent = Consent.Restore(
                Enum<ConsentStatus>(consent, "status"),
                Text(consent, "obtainedFrom"),
                consent.TryGetProperty("obtainedAt", out var at) && at.ValueKind != JsonValueKind.Null ? at.GetDateTimeOffset() : null,
                Text(consent, "reason"),
                consent.TryGetProperty("withdrawnAt", out var withdrawn) && withdrawn.ValueKind != JsonValueKind.Null ? withdrawn.GetDateTimeOffset() : null),
            Risk = Enum<RiskLevel>(root, "risk"),
            Fields = fields.ToArray(),
            Reasons = Text(root, "reasons"),
            Paragraph18Reason = root.TryGetProperty("paragraph18Reason", out _) ? Enum<Paragraph18Reason>(root, "paragraph18Reason") : Paragraph18Reason.None,
            ConsultedWith = root.TryGetProperty("consultedWith", out _) ? Text(root, "consultedWith") : null,
            RequestedBy = root.TryGetProperty("requestedBy", out _) ? Text(root, "requestedBy") : null,
        };
    }

    private static DisclosureRecord ReadDisclosure(JsonElement root)
    {
        var fields = new List<string>();
        foreach (var field in Elements(root, "fieldsSent"))
        {
            fields.Add(field.GetString() ?? throw new FormatException("fieldsSent holds a null"));
        }

        return new DisclosureRecord
        {
            Id = Guid.Parse(Text(root, "id")!),
            DecisionId = Guid.Parse(Text(root, "decisionId")!),
            SubjectReference = Text(root, "subject")!,
            SentAt = Time(root, "sentAt"),
            Recipient = Text(root, "recipient")!,
            FieldsSent = fields.ToArray(),
            Channel = Text(root, "channel")!,
            Encrypted = Member(root, "encrypted").GetBoolean(),
            Outcome = Enum<DisclosureOutcome>(root, "outcome"),
            Detail = Text(root, "detail"),
        };
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"\"{name}\" is missing");

    private static JsonElement.ArrayEnumerator Elements(JsonElement element, string name)
    {
        var value = Member(element, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new FormatException($"\"{name}\" is not an array");
    }

    private static string? Text(JsonElement element, string name)
    {
        var value = Member(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw new FormatException($"\"{name}\" is not text"),
        };
    }

    private static DateTimeOffset Time(JsonElement element, string name) =>
        Member(element, name).TryGetDateTimeOffset(out var value) ? value : throw new FormatException($"\"{name}\" is not a date and time");

    private static T Enum<T>(JsonElement element, string name)
        where T : struct
    {
        var value = Member(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.String when System.Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetInt32(out var number) => (T)System.Enum.ToObject(typeof(T), number),
            _ => throw new FormatException($"\"{name}\" is not a {typeof(T).Name}"),
        };
    }

    private static T? NullableEnum<T>(JsonElement element, string name)
        where T : struct =>
        Member(element, name).ValueKind == JsonValueKind.Null ? null : Enum<T>(element, name);

    private static void WriteEnum<T>(Utf8JsonWriter w, string name, T value)
        where T : struct, Enum
    {
        // A value outside the enum (a cast number) is kept as a number so it reads back the same.
        if (System.Enum.IsDefined(typeof(T), value))
        {
            w.WriteString(name, value.ToString());
        }
        else
        {
            w.WriteNumber(name, Convert.ToInt32(value, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteEnum<T>(Utf8JsonWriter w, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            WriteEnum(w, name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static bool EndsWithHash(byte[] line, int length)
    {
        var start = length - SuffixLength;
        for (var i = 0; i < HashMarker.Length; i++)
        {
            if (line[start + i] != HashMarker[i])
            {
                return false;
            }
        }

        for (var i = start + HashMarker.Length; i < length - 2; i++)
        {
            if (!IsHexDigit(line[i]))
            {
                return false;
            }
        }

        return line[length - 2] == (byte)'"' && line[length - 1] == (byte)'}';
    }

    public static bool IsHash(string? value)
    {
        if (value is null || value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHexDigit(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f';

    public static string Hex(byte[] bytes)
    {
        var s = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            s.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return s.ToString();
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? line.Substring(0, dot) : line).TrimEnd('.');
    }
}
