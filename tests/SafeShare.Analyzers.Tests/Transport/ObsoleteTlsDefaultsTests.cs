using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.ObsoleteTlsProtocolAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class ObsoleteTlsDefaultsTests
{
    [Fact]
    public Task Flags_defaults_of_primary_constructors_and_lambdas() => Verify.VerifyAsync("""
        using System.Net;
        public class HealthFeed(SecurityProtocolType type = [|SecurityProtocolType.Ssl3|])
        {
            public void M()
            {
                var pick = (SecurityProtocolType chosen = [|SecurityProtocolType.Tls|]) => chosen;
            }
        }
        """);
}
