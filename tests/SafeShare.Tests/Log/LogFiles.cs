using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SafeShare.Tests.Log;

/// <summary>A temporary folder for one test's log files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safeshare-log-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Records of the kind the sample writes, and helpers to edit a log file's lines as bytes.</summary>
public static class LogFiles
{
    public static DecisionRecord Decision(string subject, int n = 0) => new()
    {
        DecidedAt = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero).AddMinutes(n),
        DecidedBy = "A. Patel, Team Manager, Children's Social Care",
        SubjectReference = subject,
        Outcome = DecisionOutcome.Shared,
        Share = "PoliceReferrals.ReferForStrategyDiscussion",
        Recipient = "Police – Child Abuse Investigation Team",
        Purpose = "Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)",
        LawfulBasis = LawfulBasis.PublicTask,
        Gateway = "Children Act 1989 s47",
        Article9Condition = Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk,
        Consent = Consent.NotSought("Seeking consent would place the child at increased risk of significant harm"),
        Risk = RiskLevel.High,
        Fields = new[]
        {
            new SharedField("ChildName", DataKind.Personal),
            new SharedField("RelevantHealthInformation", DataKind.SpecialCategory, SpecialCategory.Health),
        },
        Reasons = $"Reasonable cause to suspect significant harm (note {n}).",
    };

    /// <summary>Writes <paramref name="count"/> decisions about CS-1 … CS-<paramref name="count"/>.</summary>
    public static JsonLinesDecisionLog Written(string path, int count)
    {
        var log = new JsonLinesDecisionLog(path);
        for (var i = 1; i <= count; i++)
        {
            log.Append(Decision("CS-" + i, i));
        }

        return log;
    }

    /// <summary>The file's lines as bytes, each with its line break.</summary>
    public static List<byte[]> Lines(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes.Skip(start).Take(i - start + 1).ToArray());
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes.Skip(start).ToArray());
        }

        return lines;
    }

    public static void WriteLines(string path, IEnumerable<byte[]> lines) =>
        System.IO.File.WriteAllBytes(path, lines.SelectMany(l => l).ToArray());

    public static string Text(byte[] line) => Encoding.UTF8.GetString(line);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
