using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.OutboundPersonalDataAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class OutboundPersonalDataAnalyzerTests
{
    // A children's services model, and a declared share whose generated companions are written by hand.
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using SafeShare;

        public class Child
        {
            [PersonalData(Subject = DataSubject.Child)] public string Name { get; set; } = "";
            [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }
            public int Id { get; set; }
        }

        [PersonalData]
        public class Carer { public string? Name { get; set; } }

        public class Referral { public Child? Child { get; set; } public string? Concern { get; set; } }

        public class Statistics { public int Referrals { get; set; } public string? Area { get; set; } }

        public partial class PoliceReferrals
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            public partial DecisionRecord ReferToPolice(Child payload, DecisionDetails details);
            public partial DecisionRecord ReferToPolice(Child payload, DecisionDetails details) => throw null!;
            public DisclosureRecord ReferToPoliceDisclosed(DecisionRecord decision, string channel, bool encrypted, DisclosureOutcome outcome, params string[] fieldsSent) => throw null!;
            public DecisionRecord ReferToPoliceNotShared(string subjectReference, string decidedBy, string reason, RiskLevel risk = RiskLevel.NotAssessed) => throw null!;
        }
        """;

    private static Task VerifyAsync(string source) => Verify.VerifyAsync(new[] { Model, source });

    [Fact]
    public Task Follows_text_built_with_a_StringBuilder_chain_and_sends_inside_LINQ_lambdas() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;

        public class Sync
        {
            private readonly HttpClient _http = new();

            public async Task Line(Child child)
            {
                var line = new StringBuilder().Append(child.Id).Append(';').Append(child.Name).ToString();
                await _http.PostAsync("https://hub.example/records", [|new StringContent(line)|]);
            }

            public Task<HttpResponseMessage[]> Each(IEnumerable<Child> children) =>
                Task.WhenAll(children.Where(c => c.Id > 0).Select(c =>
                    _http.PostAsync("https://hub.example/names", [|new StringContent(new StringBuilder("name=").Append(c.Name.Trim()).ToString())|])));

            // Identifiers and counts only: nothing personal goes into the text.
            public async Task Counts(Child child, IEnumerable<int> cases)
            {
                var line = new StringBuilder().Append(child.Id).Append(';').Append(cases.Count()).ToString();
                await _http.PostAsync("https://hub.example/counts", new StringContent(line));
                await Task.WhenAll(cases.Select(id => _http.PostAsync("https://hub.example/cases", new StringContent(new StringBuilder().Append(id).ToString()))));
            }
        }
        """);

    [Fact]
    public Task Flags_personal_data_in_HttpClient_requests() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;

        public class Sender
        {
            private readonly HttpClient _http = new();

            public async Task Json(Child child) => await _http.PostAsJsonAsync("https://police.example/referrals", [|child|]);

            public async Task Collection(List<Child> children) => await _http.PutAsJsonAsync("https://hub.example/children", [|children|]);

            public async Task Nested(Referral referral) => await _http.PatchAsJsonAsync("https://hub.example/referrals/1", [|referral|]);

            public async Task TypeMarked(Carer carer) => await _http.PostAsJsonAsync("https://hub.example/carers", [|carer|]);

            public async Task Serialized(Child child)
            {
                var json = JsonSerializer.Serialize(child);
                var content = new StringContent(json, Encoding.UTF8, "application/json");
                await _http.PostAsync("https://police.example/referrals", [|content|]);
            }

            public async Task Inline(Child child) =>
                await _http.PostAsync("https://police.example/referrals", [|new StringContent(JsonSerializer.Serialize(child))|]);

            public async Task JsonContentCreate(Child child) =>
                await _http.PostAsync("https://police.example/referrals", [|JsonContent.Create(child)|]);

            public async Task Member(Child child) =>
                await _http.PostAsync("https://police.example/names", [|new StringContent(child.Name)|]);

            public async Task Request(Child child)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "https://police.example/referrals")
                {
                    Content = JsonContent.Create(child),
                };
                await _http.SendAsync([|request|]);
            }

            public async Task RequestContentLater(Child child)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "https://police.example/referrals");
                request.Content = new StringContent(JsonSerializer.Serialize(child));
                await _http.SendAsync([|request|]);
            }

            public async Task Query(Child child) => await _http.GetAsync([|$"https://hub.example/search?name={child.Name}"|]);

            public async Task Anonymous(Child child) =>
                await _http.PostAsJsonAsync("https://hub.example/children", [|new { child.Name, child.HealthNeeds }|]);
        }
        """);

    [Fact]
    public Task Reads_each_method_once_whichever_of_its_sends_and_carriers_comes_first() => VerifyAsync("""
        using System;
        using SafeShare;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Mail;
        using System.Threading.Tasks;

        public class Sender
        {
            private readonly HttpClient _http = new();

            // Many operations pass the filter (writes to a local writer, a carrier filled twice): each send is reported once.
            public async Task Many(Child child, SmtpClient smtp)
            {
                var log = new StringWriter();
                log.Write("start");
                var message = new MailMessage();
                message.Subject = "Referral";
                message.Body = child.Name; // reported where the message is sent
                log.Write("sending");
                await _http.PostAsJsonAsync("https://hub.example/children", [|child|]);
                await _http.PostAsJsonAsync("https://hub.example/children", [|child|]);
                smtp.Send([|message|]);
            }

            // Sends inside a lambda and a local function belong to the method around them.
            public void Nested(Child child)
            {
                Func<Task> send = async () => await _http.PostAsJsonAsync("https://hub.example/a", [|child|]);
                async Task Local() => await _http.PostAsJsonAsync("https://hub.example/b", [|child.Name|]);
                _ = send();
                _ = Local();
            }

            // A constructor is a method too; a field initializer is not one.
            public Sender(Child child) => _ = _http.PostAsJsonAsync("https://hub.example/c", [|child|]);

            private readonly Task _notAMethod = new HttpClient().PostAsJsonAsync("https://hub.example/d", 1);

            // Sent before the decision is recorded: the send is not under it, whichever operation comes first.
            public async Task Declared(Child child, DecisionDetails details)
            {
                await _http.PostAsJsonAsync("https://police.example/referrals", [|child|]);
                new PoliceReferrals().ReferToPolice(child, details);
            }
        }
        """);

    [Fact]
    public Task Flags_Newtonsoft_serialization() => VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Newtonsoft.Json
        {
            public static class JsonConvert { public static string SerializeObject(object? value) => ""; }
        }

        public class Sender
        {
            public async Task Send(HttpClient http, Child child)
            {
                var body = Newtonsoft.Json.JsonConvert.SerializeObject(child);
                await http.PostAsync("https://police.example/referrals", [|new StringContent(body)|]);
            }
        }
        """);

    [Fact]
    public Task Flags_mail_sockets_streams_and_uploads() => VerifyAsync("""
        using System.IO;
        using System.Net;
        using System.Net.Mail;
        using System.Net.Sockets;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;

        #pragma warning disable SYSLIB0014 // WebClient and WebRequest are obsolete; they still send data.

        public class Sender
        {
            public void Mail(SmtpClient smtp, Child child)
            {
                var message = new MailMessage("cs@council.example", "cait@police.example");
                message.Subject = "Referral";
                message.Body = $"Child: {child.Name}";
                smtp.Send([|message|]);
            }

            public void MailAttachment(SmtpClient smtp, Child child)
            {
                var message = new MailMessage("cs@council.example", "cait@police.example", "Referral", "See attached");
                message.Attachments.Add(Attachment.CreateAttachmentFromString(JsonSerializer.Serialize(child), "referral.json"));
                smtp.Send([|message|]);
            }

            public void MailArguments(SmtpClient smtp, Child child) =>
                smtp.Send("cs@council.example", "cait@police.example", "Referral", [|child.HealthNeeds|]);

            public void Socket(Socket socket, Child child)
            {
                var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(child));
                socket.Send([|bytes|]);
            }

            public async Task Tcp(TcpClient tcp, Child child)
            {
                var stream = tcp.GetStream();
                await stream.WriteAsync([|JsonSerializer.SerializeToUtf8Bytes(child)|]);
            }

            public async Task SerializeToNetwork(NetworkStream stream, Child child) => await JsonSerializer.SerializeAsync(stream, [|child|]);

            public void Upload(WebClient web, Child child) => web.UploadString("https://hub.example/upload", [|JsonSerializer.Serialize(child)|]);

            public void Ftp(Child child)
            {
                var request = (FtpWebRequest)WebRequest.Create("ftps.example/referrals.json");
                request.EnableSsl = true;
                using var stream = request.GetRequestStream();
                var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(child));
                stream.Write([|bytes|], 0, bytes.Length);
            }

            public void Writer(TcpClient tcp, Child child)
            {
                using var writer = new StreamWriter(tcp.GetStream());
                writer.Write([|child.Name|]);
            }
        }
        """);

    [Fact]
    public Task Flags_contents_and_messages_filled_but_sent_elsewhere() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Mail;
        using System.Text.Json;

        public class Builder
        {
            public HttpContent Content(Child child) => new StringContent([|JsonSerializer.Serialize(child)|]);

            public HttpContent Json(Child child) => JsonContent.Create([|child|]);

            public void Body(MailMessage message, Child child) => message.Body = [|child.Name + " is at risk"|];

            public MailMessage Message(Child child) => new MailMessage("a@council.example", "b@police.example") { Body = [|JsonSerializer.Serialize(child)|] };

            public void Attach(MailMessage message, Child child) =>
                message.Attachments.Add(Attachment.CreateAttachmentFromString([|JsonSerializer.Serialize(child)|], "child.json"));
        }
        """);

    [Fact]
    public Task Generic_types_are_read_by_their_definition_and_Add_fills_only_a_carrier() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Mail;
        using System.Text.Json;
        using System.Threading.Tasks;

        public class TypedClient<T> : HttpClient { }

        public class Envelope<T> : StringContent
        {
            public Envelope(string body) : base(body) { }
        }

        public class Letters<T> : List<T> { }

        public class GenericSender
        {
            public async Task Send(TypedClient<Child> client, Child child) =>
                await client.PutAsync("https://hub.example/children", [|new StringContent(JsonSerializer.Serialize(child))|]);

            public HttpContent Wrap(Child child) => new Envelope<Carer>([|JsonSerializer.Serialize(child)|]);

            public void Attach(MailMessage message, Child child) =>
                message.Attachments.Add(Attachment.CreateAttachmentFromString([|JsonSerializer.Serialize(child)|], "child.json"));

            public void Tag(HttpRequestMessage request, Child child) => request.Headers.Add("X-Child", [|child.Name|]);

            public int Keep(Child child, Letters<Child> letters)
            {
                var kept = new List<Child>();
                kept.Add(child);
                var byId = new Dictionary<int, Child>();
                byId.Add(child.Id, child);
                letters.Add(child);
                return kept.Count + byId.Count + letters.Count;
            }
        }
        """);

    [Fact]
    public Task Declared_shares_are_silent() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using SafeShare;

        public class Sender
        {
            private readonly HttpClient _http = new();
            private readonly PoliceReferrals _referrals = new();

            public async Task Refer(Child child, DecisionDetails details)
            {
                var decision = _referrals.ReferToPolice(child, details);
                await _http.PostAsJsonAsync("https://police.example/referrals", child);
            }

            public async Task Disclose(Child child, DecisionRecord decision)
            {
                await _http.PostAsJsonAsync("https://police.example/referrals", child);
                _referrals.ReferToPoliceDisclosed(decision, "HTTPS API", true, DisclosureOutcome.Delivered, nameof(Child.Name));
            }

            public HttpContent Build(Child child, DecisionRecord decision)
            {
                _referrals.ReferToPoliceDisclosed(decision, "HTTPS API", true, DisclosureOutcome.Delivered);
                return JsonContent.Create(child);
            }
        }
        """);

    [Fact]
    public Task A_recorded_share_covers_its_payload_and_nothing_else_sent_in_the_method() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using SafeShare;

        public class Sender
        {
            private readonly HttpClient _http = new();
            private readonly PoliceReferrals _referrals = new();

            // A different record, to a different recipient, under no decision at all.
            public async Task Unrelated(Child child, Carer carer, DecisionDetails details)
            {
                _referrals.ReferToPolice(child, details);
                await _http.PostAsJsonAsync("https://police.example/referrals", child);
                await _http.PostAsJsonAsync("https://analytics.vendor.example/api/carers", [|carer|]);
            }

            // Another child, though of the payload's type.
            public async Task AnotherChild(Child child, Child sibling, DecisionDetails details)
            {
                _referrals.ReferToPolice(child, details);
                await _http.PostAsJsonAsync("https://analytics.vendor.example/api/children", [|sibling|]);
            }

            // What is read or built from the payload is the payload.
            public async Task ReadFromThePayload(Child child, DecisionDetails details)
            {
                var decision = _referrals.ReferToPolice(child, details);
                await _http.PostAsync("https://police.example/names", new StringContent(child.Name));
                var json = JsonSerializer.Serialize(child);
                await _http.PostAsync("https://police.example/referrals", new StringContent(json));
                await _http.PostAsJsonAsync("https://police.example/batch", new List<Child> { child });
            }

            // A content filled from the payload is covered wherever it is sent; one filled from other data is not.
            public HttpContent Build(Child child, Carer carer, DecisionDetails details)
            {
                _referrals.ReferToPolice(child, details);
                var carerContent = JsonContent.Create([|carer|]);
                return JsonContent.Create(child);
            }

            // A disclosure records what was sent under a decision made elsewhere: values of the share's payload type.
            public async Task Disclose(Child child, Carer carer, DecisionRecord decision)
            {
                await _http.PostAsJsonAsync("https://police.example/referrals", child);
                await _http.PostAsJsonAsync("https://police.example/carers", [|carer|]);
                _referrals.ReferToPoliceDisclosed(decision, "HTTPS API", true, DisclosureOutcome.Delivered, nameof(Child.Name));
            }
        }
        """);

    [Fact]
    public Task A_payload_sent_by_a_private_helper_after_the_decision_is_covered() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using SafeShare;

        public class Sender
        {
            private readonly HttpClient _http = new();
            private readonly PoliceReferrals _referrals = new();

            public async Task Refer(Child child, DecisionDetails details)
            {
                _referrals.ReferToPolice(child, details);
                await SendAsync(child);
            }

            public async Task ReferAgain(Child child, DecisionDetails details)
            {
                var decision = _referrals.ReferToPolice(child, details);
                await SendAsync(child);
            }

            private Task SendAsync(Child payload) => _http.PostAsJsonAsync("https://police.example/referrals", payload);

            // One caller passes data no decision covers: the helper's send is reported.
            public async Task Undecided(Child child, DecisionDetails details)
            {
                _referrals.ReferToPolice(child, details);
                await UploadAsync(child);
            }

            public Task Unrecorded(Child child) => UploadAsync(child);

            private Task UploadAsync(Child payload) => _http.PostAsJsonAsync("https://hub.example/children", [|payload|]);

            // A public helper can be called from anywhere: its sends are judged in it.
            public Task PublicHelper(Child payload) => _http.PostAsJsonAsync("https://hub.example/children", [|payload|]);
        }
        """);

    [Fact]
    public Task NotShared_companion_does_not_declare_a_share() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public class Sender
        {
            public async Task Contradiction(HttpClient http, PoliceReferrals referrals, Child child)
            {
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", "Threshold not met");
                await http.PostAsJsonAsync("https://police.example/referrals", [|child|]);
            }
        }
        """);

    [Fact]
    public Task Non_personal_payloads_and_local_writes_are_silent() => VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Mail;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;

        public class Sender
        {
            public async Task Statistics(HttpClient http, Statistics statistics)
            {
                await http.PostAsJsonAsync("https://dfe.example/returns", statistics);
                await http.PostAsync("https://dfe.example/returns", new StringContent(JsonSerializer.Serialize(statistics)));
                await http.GetAsync($"https://hub.example/cases/{statistics.Referrals}");
            }

            // Identifiers, counts and ToString() are not the data (x.ToString() is not enough).
            public async Task NotTheData(HttpClient http, Child child)
            {
                await http.GetAsync($"https://hub.example/cases/{child.Id}");
                await http.PostAsync("https://hub.example/notes", new StringContent(child.ToString()!));
                await http.PostAsync("https://hub.example/notes", new StringContent($"{child}"));
            }

            // Memory and file streams do not leave the process.
            public void Local(Child child, Stream unknown)
            {
                var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(child));
                using var memory = new MemoryStream();
                memory.Write(bytes, 0, bytes.Length);
                using var file = File.Create("child.json");
                file.Write(bytes);
                unknown.Write(bytes);
            }

            // A local assigned twice is not followed.
            public async Task Reassigned(HttpClient http, Child child, bool anonymise)
            {
                string json = JsonSerializer.Serialize(child);
                if (anonymise) { json = "{}"; }
                await http.PostAsync("https://hub.example/notes", new StringContent(json));
            }

            public void Mail(SmtpClient smtp)
            {
                var message = new MailMessage("a@council.example", "b@school.example", "Training", "The next session is on Monday.");
                smtp.Send(message);
            }

            public void Comparison(Child child, Child other) { var same = child.Name == other.Name; }
        }
        """);

    [Fact]
    public Task Flags_clear_text_channels_as_SAFE206() => VerifyAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Mail;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;

        #pragma warning disable SYSLIB0014

        public class Sender
        {
            private const string Police = "http://police.example/referrals";

            public async Task Literal(HttpClient http, Child child) =>
                await http.PostAsJsonAsync("http://police.example/referrals", {|SAFE104:{|SAFE206:child|}|});

            public async Task Constant(HttpClient http, Child child) =>
                await http.PostAsync(Police, {|SAFE104:{|SAFE206:JsonContent.Create(child)|}|});

            public async Task UriObject(HttpClient http, Child child)
            {
                var uri = new Uri("HTTP://police.example/referrals");
                await http.PostAsJsonAsync(uri, {|SAFE104:{|SAFE206:child|}|});
            }

            public async Task BaseAddress(Child child)
            {
                using var http = new HttpClient { BaseAddress = new Uri("http://hub.example/") };
                await http.PostAsJsonAsync("children", {|SAFE104:{|SAFE206:child|}|});
            }

            public async Task BaseAddressLater(HttpClient http, Child child)
            {
                http.BaseAddress = new Uri("http://hub.example/");
                var request = new HttpRequestMessage(HttpMethod.Post, "children") { Content = JsonContent.Create(child) };
                await http.SendAsync({|SAFE104:{|SAFE206:request|}|});
            }

            public async Task Interpolated(HttpClient http, Child child, int id) =>
                await http.PutAsJsonAsync($"http://hub.example/children/{id}", {|SAFE104:{|SAFE206:child|}|});

            public void Smtp(Child child)
            {
                using var smtp = new SmtpClient("smtp.council.example", 25);
                smtp.Send("cs@council.example", "cait@police.example", "Referral", {|SAFE104:{|SAFE206:JsonSerializer.Serialize(child)|}|});
            }

            public void SmtpSslOff(SmtpClient smtp, Child child)
            {
                smtp.EnableSsl = false;
                smtp.Send("cs@council.example", "cait@police.example", "Referral", {|SAFE104:{|SAFE206:child.Name|}|});
            }

            public void Upload(WebClient web, Child child) =>
                web.UploadString("ftp://files.example/child.json", {|SAFE104:{|SAFE206:JsonSerializer.Serialize(child)|}|});

            public void Ftp(Child child)
            {
                var request = (FtpWebRequest)WebRequest.Create("ftp://files.example/child.json");
                using var stream = request.GetRequestStream();
                var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(child));
                stream.Write({|SAFE104:{|SAFE206:bytes|}|}, 0, bytes.Length);
            }
        }
        """);

    [Fact]
    public Task Clear_text_is_reported_even_when_the_share_is_declared() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using SafeShare;

        public class Sender
        {
            public async Task Refer(HttpClient http, PoliceReferrals referrals, Child child, DecisionDetails details)
            {
                referrals.ReferToPolice(child, details);
                await http.PostAsJsonAsync("http://police.example/referrals", {|SAFE206:child|});
            }
        }
        """);

    [Fact]
    public Task Encrypted_and_loopback_channels_are_not_clear_text() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Mail;
        using System.Threading.Tasks;

        public class Sender
        {
            public async Task Https(HttpClient http, Child child) =>
                await http.PostAsJsonAsync("https://police.example/referrals", {|SAFE104:child|});

            public async Task Loopback(HttpClient http, Child child)
            {
                await http.PostAsJsonAsync("http://localhost:5000/referrals", {|SAFE104:child|});
                await http.PostAsJsonAsync("http://127.0.0.1/referrals", {|SAFE104:child|});
                await http.PostAsJsonAsync("http://[::1]:8080/referrals", {|SAFE104:child|});
            }

            public async Task AbsoluteHttpsOverridesBase(Child child)
            {
                using var http = new HttpClient { BaseAddress = new Uri("http://hub.example/") };
                await http.PostAsJsonAsync("https://police.example/referrals", {|SAFE104:child|});
            }

            public async Task UnknownAddress(HttpClient http, Child child, string url) =>
                await http.PostAsJsonAsync(url, {|SAFE104:child|});

            public void Smtp(Child child)
            {
                using var smtp = new SmtpClient("smtp.council.example", 587) { EnableSsl = true };
                smtp.Send("cs@council.example", "cait@police.example", "Referral", {|SAFE104:child.Name|});
            }

            public void SmtpLoopback(Child child)
            {
                using var smtp = new SmtpClient("localhost");
                smtp.Send("cs@council.example", "cait@police.example", "Referral", {|SAFE104:child.Name|});
            }

            // Configured elsewhere (e.g. from settings with TLS on): nothing here says it is clear text.
            public void InjectedSmtp(SmtpClient smtp, Child child) =>
                smtp.Send("cs@council.example", "cait@police.example", "Referral", {|SAFE104:child.Name|});

            // A clear-text address with no personal data is SAFE201's business, not this rule's.
            public async Task NoPersonalData(HttpClient http, Statistics statistics) =>
                await http.PostAsJsonAsync("http://dfe.example/returns", statistics);
        }
        """);

    [Fact]
    public async Task Messages_name_the_data_the_api_and_the_channel()
    {
        var compilation = TestCompilation.Create(Model, """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json;
            using System.Threading.Tasks;

            public class Sender
            {
                public async Task Send(HttpClient http, Child child)
                {
                    var json = JsonSerializer.Serialize(child);
                    await http.PostAsync("http://police.example/referrals", new StringContent(json));
                }
            }
            """);
        var messages = (await Verify.GetDiagnosticsAsync(compilation, new OutboundPersonalDataAnalyzer()))
            .OrderBy(d => d.Id, System.StringComparer.Ordinal).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(
            new[]
            {
                "Personal data (serialized 'Child') is sent through HttpClient.PostAsync outside a declared share; call a [Share] method or its ...Disclosed companion in this method so that the decision and what was sent are recorded",
                "Personal data (serialized 'Child') is sent through HttpClient.PostAsync over a clear-text channel (http://police.example/referrals); use an encrypted channel (https, ftps, or SMTP with EnableSsl = true)",
            },
            messages);
    }

    [Fact]
    public Task Half_written_code_does_not_throw() => Verify.VerifyAsync(new[]
    {
        Model,
        """
        using System.Net.Http;
        using System.Net.Http.Json;
        public class Sender
        {
            public async System.Threading.Tasks.Task Send(HttpClient http, Child child)
            {
                var x = ;
                await http.PostAsJsonAsync(
                await http.PostAsync("http://x", new StringContent(
                http.BaseAddress = new System.Uri(
            }
        }
        """,
    }, "CS1525", "CS1026", "CS1002", "CS1729");
}
