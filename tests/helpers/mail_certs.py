"""A throwaway CA and server certificate for the test mail servers (TLS and STARTTLS)."""

from __future__ import annotations

import datetime as dt
import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.mail_ports import HOST

# --- certificates ------------------------------------------------------------------------


@dataclass(frozen=True)
class TestCerts:
    ca_cert: Path
    cert: Path
    key: Path

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts only the test CA."""
        return ssl.create_default_context(cafile=str(self.ca_cert))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        return context


TestCerts.__test__ = False  # type: ignore[attr-defined]


def make_certs(directory: Path) -> TestCerts:
    """A CA and a localhost/127.0.0.1 server certificate signed by it.

    A separate CA (rather than one self-signed leaf) keeps strict X.509 checking in newer
    Pythons happy. Uses ``cryptography`` when importable, else the ``openssl`` command.
    """
    directory.mkdir(parents=True, exist_ok=True)
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return _make_certs_openssl(directory)
    return _make_certs_cryptography(directory)


def _make_certs_cryptography(directory: Path) -> TestCerts:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SoloService test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = TestCerts(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    paths.ca_cert.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def _make_certs_openssl(directory: Path) -> TestCerts:
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("Neither the cryptography package nor the openssl command exists.")
    paths = TestCerts(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    ca_key = directory / "ca-key.pem"
    csr = directory / "cert.csr"
    ext = directory / "ext.cnf"
    ext.write_text(
        "basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
        "extendedKeyUsage=serverAuth\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run = [openssl, "req", "-x509", *ec, "-keyout", str(ca_key), "-out", str(paths.ca_cert)]
    subprocess.run(
        [*run, "-days", "2", "-subj", "/CN=SoloService test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [
            openssl,
            "req",
            *ec,
            "-keyout",
            str(paths.key),
            "-out",
            str(csr),
            "-subj",
            "/CN=localhost",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [openssl, "x509", "-req", "-in", str(csr), "-CA", str(paths.ca_cert), "-CAkey",
         str(ca_key), "-CAcreateserial", "-out", str(paths.cert), "-days", "2",
         "-extfile", str(ext)],
        check=True, capture_output=True,
    )  # fmt: skip
    return paths
