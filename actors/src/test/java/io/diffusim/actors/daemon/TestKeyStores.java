package io.diffusim.actors.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PKCS12 key and trust stores made by the JDK's keytool in a test's directory, and the TLS settings naming them. */
public final class TestKeyStores {

    public static final String PASSWORD = "changeit-test";

    private final Path dir;

    public TestKeyStores(Path dir) {
        this.dir = dir;
    }

    /** A key store with one self-signed RSA key named {@code alias}, valid for the addresses in {@code san} if any. */
    public Path keyStore(String alias, String... san) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=" + alias, "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san.length > 0) {
            args.addAll(List.of("-ext", "SAN=" + String.join(",", san)));
        }
        keytool(args.toArray(String[]::new));
        return store;
    }

    /** Adds the certificate of {@code alias} in key store {@code from} to trust store {@code trust}. */
    public void trust(Path from, String alias, Path trust) throws IOException, InterruptedException {
        Path certificate = dir.resolve(alias + ".crt");
        keytool("-exportcert", "-alias", alias, "-keystore", from.toString(), "-storepass", PASSWORD, "-file",
                certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);
    }

    /** {@code diffusim.remote.tls} on, with these stores, over the loaded configuration. */
    public static Config tls(Path keyStore, Path trustStore) {
        return ConfigFactory.parseMap(Map.of("diffusim.remote.tls.enabled", "on",
                "diffusim.remote.tls.key-store", keyStore.toString(),
                "diffusim.remote.tls.key-store-password", PASSWORD,
                "diffusim.remote.tls.trust-store", trustStore.toString(),
                "diffusim.remote.tls.trust-store-password", PASSWORD)).withFallback(ConfigFactory.load());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
