package org.accessledger.platform.audit.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * transparency-dev/merkle's RFC 6962 / 9162 test data (Apache-2.0, see rfc9162/LICENSE): the eight leaves of its
 * reference tree, their roots, and its inclusion and consistency proof cases, hostile ones included.
 */
final class Rfc9162TestVectors {

    static final List<byte[]> LEAF_INPUTS = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Indexed by tree size, 0 to 8. */
    static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, JsonNode json) {

        boolean wantsError() {
            return json.path("wantErr").asBoolean();
        }

        long number(String field) {
            return json.path(field).asLong();
        }

        byte[] bytes(String field) {
            return json.path(field).isNull() ? new byte[0] : Base64.getDecoder().decode(json.path(field).asText());
        }

        List<byte[]> proof() {
            List<byte[]> proof = new ArrayList<>();
            json.path("proof").forEach(node -> proof.add(Base64.getDecoder().decode(node.asText())));
            return proof;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Rfc9162TestVectors() {
    }

    static Stream<Case> cases(String kind) throws IOException {
        Path root = resource("rfc9162/testdata/" + kind);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> new Case(root.relativize(file).toString(), read(file)));
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Rfc9162TestVectors.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> hex(String... values) {
        return Stream.of(values).map(HexFormat.of()::parseHex).toList();
    }
}
