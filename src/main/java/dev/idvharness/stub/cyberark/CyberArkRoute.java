package dev.idvharness.stub.cyberark;

import com.github.tomakehurst.wiremock.http.Request;
import dev.idvharness.vendor.cyberark.CyberArkApi;

/**
 * How a CyberArk request arrived: on the documented {@code /CDirectoryService} paths or on the {@code /Security} paths
 * the vendor's own SDKs use (session directly under {@code Result}, TenantId optional), and under which host, which
 * decides whether a tenant on "the other pod" is already there.
 */
public record CyberArkRoute(boolean securityApi, String host) {

  /** The vendor serves its paths in any letter case ({@code /security/advanceauthentication}), and so does the stub. */
  static CyberArkRoute of(Request request) {
    String host = request.getHeader("Host");
    String url = request.getUrl();
    String prefix = CyberArkApi.SECURITY_PREFIX;
    return new CyberArkRoute(url.regionMatches(true, 0, prefix, 0, prefix.length()),
        host == null ? "" : host);
  }

  /** Whether this request already arrived at the other pod (host names compare without case, ports aside). */
  boolean onPod(String otherPodHost) {
    return host.substring(0, portColon()).equalsIgnoreCase(otherPodHost);
  }

  /** The other pod's PodFqdn: its host name with the port this request used, so that the stub answers there too. */
  String podFqdn(String otherPodHost) {
    return otherPodHost + host.substring(portColon());
  }

  /** Where the port starts in the Host header (its length when there is none; an IPv6 literal ends in ']'). */
  private int portColon() {
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']') < colon ? colon : host.length();
  }
}
