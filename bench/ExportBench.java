import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access export of one subject with N records, over HTTP: {@code java ExportBench.java BASE_URL PO_USER
 * PO_PASSWORD SMTP_PORT N...}. For each N it registers a subject with N contact records, files an ACCESS request as
 * staff (identity checked), approves it, and measures (a) the build: approval to COMPLETED, read from the request's
 * own times (the last task's doneAt minus approvedAt), and (b) the download: the wall time of streaming the whole ZIP
 * through the mailed single-use link. It listens as the server's SMTP host (a minimal sink) to read that link.
 * Prints one line per N: {@code N build_ms download_ms zip_bytes}.
 */
public class ExportBench {

    static final ConcurrentHashMap<String, String> MAIL = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        int smtpPort = Integer.parseInt(args[3]);
        Thread smtp = new Thread(() -> sink(smtpPort));
        smtp.setDaemon(true);
        smtp.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String tenant = id(post(http, auth, base + "/api/v1/tenants", "{\"name\":\"Bench\",\"siteUrl\":"
                + "\"https://bench.atlassian.net\",\"hostingMode\":\"CLOUD\",\"licence\":{\"key\":\"SEN-"
                + System.nanoTime() + "\",\"expiresOn\":\"2099-12-31\"}}"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int a = 4; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            String email = "bench-" + n + "-" + System.nanoTime() + "@example.com";
            String subject = id(post(http, auth, base + "/api/v1/tenants/" + tenant + "/subjects",
                    "{\"email\":\"" + email + "\",\"displayName\":\"Bench Subject\"}"));
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                writes.add(pool.submit(() -> post(http, auth, base + "/api/v1/tenants/" + tenant + "/subjects/"
                        + subject + "/contacts", "{\"name\":\"Bench " + k + "\",\"email\":\"" + email
                        + "\",\"message\":\"Message number " + k + " about the price of the enterprise plan\"}")));
            }
            for (Future<?> f : writes) {
                f.get();
            }
            String request = id(post(http, auth, base + "/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":"
                    + "\"GDPR\",\"subject\":{\"email\":\"" + email + "\"},\"channel\":\"EMAIL\",\"identityCheck\":"
                    + "\"bench\"}"));
            post(http, auth, base + "/api/v1/requests/" + request + "/approval", "");
            String view;
            long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                view = get(http, auth, base + "/api/v1/requests/" + request);
                if (view.contains("\"state\":\"COMPLETED\"")) {
                    break;
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("not completed: " + view);
                }
                Thread.sleep(50);
            }
            OffsetDateTime approved = OffsetDateTime.parse(field(view, "approvedAt"));
            OffsetDateTime lastDone = approved;
            Matcher m = Pattern.compile("\"doneAt\":\"([^\"]+)\"").matcher(view);
            List<Long> offsets = new ArrayList<>();
            while (m.find()) {
                OffsetDateTime t = OffsetDateTime.parse(m.group(1));
                offsets.add(Duration.between(approved, t).toMillis());
                lastDone = t.isAfter(lastDone) ? t : lastDone;
            }
            if (System.getenv("BENCH_VERBOSE") != null) {
                System.err.println(n + " records: tasks done at " + offsets.stream().sorted().toList()
                        + " ms after approval");
            }
            long buildMs = Duration.between(approved, lastDone).toMillis();
            String link = null;
            while (link == null && System.nanoTime() < end) {
                link = MAIL.get(request);
                Thread.sleep(50);
            }
            long t0 = System.nanoTime();
            HttpResponse<InputStream> zip = http.send(HttpRequest.newBuilder(URI.create(base + link)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = zip.body()) {
                byte[] buf = new byte[65536];
                for (int r; (r = in.read(buf)) > 0; ) {
                    bytes += r;
                }
            }
            long downloadMs = (System.nanoTime() - t0) / 1_000_000;
            if (zip.statusCode() != 200) {
                throw new IllegalStateException("download " + zip.statusCode());
            }
            System.out.println(n + " " + buildMs + " " + downloadMs + " " + bytes);
        }
        pool.shutdown();
    }

    static String post(HttpClient http, String auth, String url, String json) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + url + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String get(HttpClient http, String auth, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String id(String json) {
        return field(json, "id");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A minimal SMTP server that keeps, per request reference, the download link of the mail. */
    static void sink(int port) {
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s));
                t.setDaemon(true);
                t.start();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void session(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = s.getOutputStream()) {
            out.write("220 bench\r\n".getBytes());
            StringBuilder data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (data != null) {
                    if (line.equals(".")) {
                        Matcher link = Pattern.compile("(/api/v1/requests/([0-9a-f-]{36})/export\\?token=[A-Za-z0-9_-]+)")
                                .matcher(data.toString().replace("=\r\n", "").replace("=\n", "").replace("=3D", "="));
                        if (link.find()) {
                            MAIL.put(link.group(2), link.group(1));
                        }
                        data = null;
                        out.write("250 ok\r\n".getBytes());
                    } else {
                        data.append(line).append('\n');
                    }
                    continue;
                }
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO", "HELO" -> out.write("250 bench\r\n".getBytes());
                    case "DATA" -> {
                        data = new StringBuilder();
                        out.write("354 go\r\n".getBytes());
                    }
                    case "QUIT" -> {
                        out.write("221 bye\r\n".getBytes());
                        return;
                    }
                    default -> out.write("250 ok\r\n".getBytes());
                }
            }
        } catch (java.io.IOException e) {
            // the client went away
        }
    }
}
