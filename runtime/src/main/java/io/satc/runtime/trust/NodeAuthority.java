package io.satc.runtime.trust;

import java.io.IOException;
import java.security.cert.X509Certificate;

/** Who issues the nodes' TLS certificates of a bundle: the mission CA, and each node's certificate. */
public interface NodeAuthority {

    X509Certificate ca();

    /** {@code node}'s certificate, issued by {@link #ca()} (made on first use where the authority keeps keys). */
    X509Certificate certificate(String node) throws IOException;
}
