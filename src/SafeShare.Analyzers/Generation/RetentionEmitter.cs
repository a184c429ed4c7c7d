namespace SafeShare.Analyzers.Generation;

/// <summary>Emits the retention helpers of a partial type with <c>[RetainUntil]</c>.</summary>
internal static class RetentionEmitter
{
    public static string Emit(RetentionModel model)
    {
        var w = new SourceWriter();
        GeneratedFile.Header(w);
        GeneratedFile.OpenContainers(w, model.Namespace, model.ContainingTypes);

        var period = Period(model);
        var date = model.AnchorType;
        var add = (model.Years, model.Months) switch
        {
            (0, 0) => string.Empty,
            (_, 0) => $".AddYears({model.Years})",
            (0, _) => $".AddMonths({model.Months})",
            _ => $".AddYears({model.Years}).AddMonths({model.Months})",
        };
        var review = model.ReviewEveryYears > 0 ? $" It is reviewed every {model.ReviewEveryYears} year{(model.ReviewEveryYears == 1 ? string.Empty : "s")}." : string.Empty;

        w.Doc("summary",
            $"The date until which this record is kept: {period} <see cref=\"{model.AnchorMember}\"/>{(model.AnchorIsNullable ? ", or null while that date is not recorded" : string.Empty)}.",
            $"Declared by [RetainUntil] on {LegalText.Xml(model.TypeDisplayName)} (UK GDPR Art. 5(1)(e): kept no longer than necessary; North East Lincolnshire guidance §7).{review}");
        w.Line(GeneratedFile.GeneratedCode);
        if (model.AnchorIsNullable)
        {
            w.Line($"public {date}? RetainUntilDate => this.{model.AnchorMember} is {{ }} anchor ? anchor{add} : null;");
        }
        else
        {
            w.Line($"public {date} RetainUntilDate => this.{model.AnchorMember}{add};");
        }

        w.Line();
        w.Doc("summary",
            "Whether the retention period has ended on <paramref name=\"date\"/>, so the record is due for disposal",
            "or for a documented decision to keep it.");
        w.Line("/// <param name=\"date\">The date to check, usually today.</param>");
        w.Line(GeneratedFile.GeneratedCode);
        w.Line(model.AnchorIsNullable
            ? $"public bool IsRetentionDue({date} date) => this.RetainUntilDate is {{ }} until && date >= until;"
            : $"public bool IsRetentionDue({date} date) => date >= this.RetainUntilDate;");

        GeneratedFile.CloseContainers(w, model.Namespace, model.ContainingTypes);

        return w.ToString();
    }

    private static string Period(RetentionModel model) => (model.Years, model.Months) switch
    {
        (0, 0) => "the date in",
        (_, 0) => $"{model.Years} year{(model.Years == 1 ? string.Empty : "s")} after",
        (0, _) => $"{model.Months} month{(model.Months == 1 ? string.Empty : "s")} after",
        _ => $"{model.Years} year{(model.Years == 1 ? string.Empty : "s")} and {model.Months} month{(model.Months == 1 ? string.Empty : "s")} after",
    };
}
