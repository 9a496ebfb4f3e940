package io.satc.runtime.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * The mission CA and the nodes' TLS certificates, made with the JDK alone (no X.509 library):
 * the CA is an Ed25519 key with a self-signed certificate, each node an ECDSA P-256 key (what
 * both TLS engines handshake with) whose certificate the CA signs. Certificates are deterministic
 * (Ed25519 signatures, a serial derived from the key, fixed validity), so a key folder gives the
 * same bundle every time; identity is by pinned key, not by expiry.
 */
public final class Certificates {

    /** Certificates are valid from the project's epoch to RFC 5280's "no expiry" date. */
    static final String NOT_BEFORE = "20260101000000Z";

    static final String NOT_AFTER = "99991231235959Z";

    private static final String OID_ED25519 = "1.3.101.112";
    private static final String OID_COMMON_NAME = "2.5.4.3";
    private static final String OID_ORGANIZATION = "2.5.4.10";
    private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String OID_KEY_USAGE = "2.5.29.15";
    private static final String OID_EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String OID_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String OID_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private Certificates() {}

    /** A fresh ECDSA P-256 key for a node's TLS identity. */
    public static KeyPair nodeKey(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 provides ECDSA P-256", e);
        }
    }

    /** The CA's self-signed certificate for its Ed25519 key pair. */
    public static X509Certificate selfSignedCa(KeyPair ca, String name) {
        byte[] subject = name("satc mission CA " + name);
        return build(subject, subject, ca.getPublic(), ca.getPrivate(), true);
    }

    /** {@code node}'s certificate for its public key, signed by the CA. */
    public static X509Certificate issue(PrivateKey caKey, X509Certificate ca, String node, PublicKey nodeKey) {
        return build(ca.getSubjectX500Principal().getEncoded(), name(node), nodeKey, caKey, false);
    }

    private static byte[] name(String commonName) {
        return Der.sequence(
                Der.set(Der.sequence(Der.oid(OID_ORGANIZATION), Der.utf8("satc"))),
                Der.set(Der.sequence(Der.oid(OID_COMMON_NAME), Der.utf8(commonName))));
    }

    private static X509Certificate build(
            byte[] issuer, byte[] subject, PublicKey key, PrivateKey signer, boolean authority) {
        byte[] algorithm = Der.sequence(Der.oid(OID_ED25519));
        byte[] serial = Arrays.copyOf(Keys.sha256Bytes(key.getEncoded()), 16);
        serial[0] &= 0x7F; // positive
        byte[] keyUsage = authority
                ? new byte[] {0x03, 0x02, 0x01, 0x06} // keyCertSign, cRLSign
                : new byte[] {0x03, 0x02, 0x07, (byte) 0x80}; // digitalSignature
        byte[] extensions = Der.concat(
                Der.sequence(
                        Der.oid(OID_BASIC_CONSTRAINTS),
                        Der.bool(true),
                        Der.octets(authority ? Der.sequence(Der.bool(true)) : Der.sequence())),
                Der.sequence(Der.oid(OID_KEY_USAGE), Der.bool(true), Der.octets(keyUsage)),
                authority
                        ? new byte[0]
                        : Der.sequence(
                                Der.oid(OID_EXTENDED_KEY_USAGE),
                                Der.octets(Der.sequence(Der.oid(OID_SERVER_AUTH), Der.oid(OID_CLIENT_AUTH)))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(1, serial)),
                algorithm,
                issuer,
                Der.sequence(Der.time(NOT_BEFORE), Der.time(NOT_AFTER)),
                subject,
                key.getEncoded(),
                Der.explicit(3, Der.sequence(extensions)));
        try {
            Signature s = Signature.getInstance(Keys.ALGORITHM);
            s.initSign(signer);
            s.update(tbs);
            return parse(Der.sequence(tbs, algorithm, Der.bits(s.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA key cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** A certificate from its DER bytes. */
    public static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** A certificate from a PEM file. */
    public static X509Certificate read(Path file) throws IOException, Keys.KeyException {
        try {
            return parse(Keys.der(file, "CERTIFICATE"));
        } catch (CertificateException e) {
            throw new Keys.KeyException("`" + file + "` is not an X.509 certificate (" + e.getMessage() + ").");
        }
    }

    /** A certificate from PEM bytes (as a bundle holds it). */
    public static X509Certificate fromPem(byte[] pem, String where) throws Keys.KeyException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new Keys.KeyException("`" + where + "` holds no PEM certificate.");
        }
        try {
            return parse(java.util.Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e)));
        } catch (CertificateException | IllegalArgumentException ex) {
            throw new Keys.KeyException("`" + where + "` is not an X.509 certificate.");
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return Keys.pem("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate encodes", e);
        }
    }

    public static void write(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
    }

    /** The pin of a certificate's key: hex SHA-256 of its SubjectPublicKeyInfo. */
    public static String pin(X509Certificate certificate) {
        return Keys.sha256(certificate.getPublicKey().getEncoded());
    }

    /** The hash of a whole certificate, as the statement names the CA: hex SHA-256 of its DER. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return Keys.sha256(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate encodes", e);
        }
    }
}
