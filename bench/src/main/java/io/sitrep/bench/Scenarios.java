package io.sitrep.bench;

import io.sitrep.bench.Report.Target;
import io.sitrep.localstack.LocalStack;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The scenarios of the bench, each measured against its target. Every scenario works on a component of
 * its own, so its subscribers see only its events.
 */
final class Scenarios {

    private static final int WEBHOOK_SUBSCRIBERS = 10;
    private static final int EMAIL_SUBSCRIBERS = 20;
    /** Scenario 13: distinct receiver hosts of the spread fan-out, and the number of the first. */
    private static final int MANY_HOSTS = 200;
    private static final int MANY_HOSTS_FIRST = 100;
    /** The read storm: readers at once, the paths each reads in turn, open incidents on the page, updates/s meanwhile. */
    private static final int STORM_READERS = 200;
    private static final List<String> STORM_PATHS = List.of("/", "/api/v2/summary.json");
    private static final int STORM_INCIDENTS = 10;
    private static final double STORM_WRITES = 20;
    /** The idle path: updates a second to one webhook subscriber. */
    private static final double IDLE_RATE = 10;
    private static final double IDLE_WARMUP_RATE = 200;

    private final Bench.Options options;
    private final LocalStack stack;
    private final SitrepClient client;
    private final MailSink mail;
    private final TopicWatcher topic;
    private final Report report;
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    /** Scenario 13's receivers, one host each, numbered from {@link #MANY_HOSTS_FIRST}. */
    private final List<WebhookReceiver> manyHostReceivers = new ArrayList<>();
    private List<String> manyHostIncidents;
    private List<String> webhookIncidents;
    /** Events per second the webhook scenarios can keep up with: half the fan-out rate scenario 3 measured. */
    private long webhookSustainable = 20;
    /** The rate below saturation: 60 % of what 32 clients sustained in scenario 1, or 200/s when it did not run. */
    private long sustainable = 200;

    Scenarios(Bench.Options options, LocalStack stack, MailSink mail, TopicWatcher topic, Report report) {
        this.options = options;
        this.stack = stack;
        this.client = new SitrepClient(stack);
        this.mail = mail;
        this.topic = topic;
        this.report = report;
    }

    /** 9, at rest: what each service holds before any load. */
    void memoryAtRest() {
        for (String service : LocalStack.SERVICES) {
            report.add("9 Memory", service + "-service resident size at rest", rss(service), "MiB");
        }
    }

    /** 1: incident updates over REST, at the most 32 clients sustain, then at 1,000/s. */
    void ingest() {
        String scenario = "1 Ingest";
        // Many incidents, as in a busy organisation: each ends the run with tens of updates, not thousands.
        List<String> incidents = client.openIncidents(client.component("Ingest"), 2_000);
        Load.Outcome warm = Load.closed(32, options.warmup(), Long.MAX_VALUE, 0,
                updates(Run.start("warm-up", capacity(5_000, options.warmup())), incidents));

        settle();
        Run closed = Run.start("ingest-closed", capacity(5_000, options.duration()));
        CpuMeter cpu = new CpuMeter(stack);
        cpu.start();
        Load.Outcome most = Load.closed(32, options.duration(), closed.capacity(), 0, updates(closed, incidents));
        cpuRows(scenario, "32 clients", cpu, most.perSecond());
        report.add(scenario, "updates/s sustained, 32 clients back to back", most.perSecond(), "/s", Target.atLeast(2_000),
                most.refused() + " refused");
        report.add(scenario, "latency p50 at that rate (service time)", most.latency().percentile(50), "ms");
        report.add(scenario, "latency p99 at that rate (service time)", most.latency().percentile(99), "ms");
        everyAcceptedOnTheTopic(scenario, closed, most);

        settle();
        Run full = Run.start("ingest-full-answer", capacity(5_000, options.duration()));
        Load.Outcome echoed = Load.closed(32, options.duration(), full.capacity(), 0, updates(full, incidents, true));
        report.add(scenario, "updates/s sustained, 32 clients, each answer the whole incident", echoed.perSecond(), "/s", Target.NONE,
                "without Prefer: return=minimal; the timelines then hold about "
                        + Math.round(1 + (double) (warm.accepted() + most.accepted() + echoed.accepted()) / incidents.size())
                        + " updates each");

        sustainable = Math.max(50, Math.round(most.perSecond() * 0.6 / 50) * 50);
        for (double rate : List.of(1_000.0, (double) sustainable)) {
            String at = String.format("%,.0f/s", rate);
            settle();
            Run open = Run.start("ingest-open", capacity(rate, options.duration()));
            Load.Outcome steady = Load.open(rate, options.duration(), 64, 0, updates(open, incidents));
            report.add(scenario, "updates/s achieved, " + at + " offered", steady.perSecond(), "/s", Target.NONE, steady.refused() + " refused");
            report.add(scenario, "latency p50 at " + at, steady.latency().percentile(50), "ms");
            report.add(scenario, "latency p99 at " + at, steady.latency().percentile(99), "ms", rate == 1_000 ? Target.atMost(25) : Target.NONE,
                    rate == 1_000 ? "" : "60 % of the most sustained, for the latency below saturation");
            report.add(scenario, "latency max at " + at, steady.latency().max(), "ms");
            everyAcceptedOnTheTopic(scenario, open, steady);
        }
    }

    /** 2: how long a committed event waits for the broker, and how fast a backlog drains once the broker is back. */
    void outbox() {
        String scenario = "2 Outbox";
        List<String> incidents = client.openIncidents(client.component("Outbox"), 2_000);
        for (double rate : List.of(1_000.0, (double) sustainable)) {
            String at = String.format("%,.0f/s", rate);
            settle();
            Run run = Run.start("outbox-lag", capacity(rate, options.duration()));
            Load.Outcome sent = Load.open(rate, options.duration(), 64, 0, updates(run, incidents));
            awaitQuietly(Duration.ofSeconds(60), () -> run.publishedCount() >= sent.accepted());
            Latency lag = new Latency();
            for (int seq = 0; seq < sent.sent(); seq++) {
                if (run.acceptedAt(seq) > 0 && run.publishedAt(seq) > 0) {
                    lag.record(run.publishedAt(seq) - run.acceptedAt(seq));
                }
            }
            report.add(scenario, "2xx received → on the topic p50, at " + at, lag.percentile(50), "ms");
            report.add(scenario, "2xx received → on the topic p99, at " + at, lag.percentile(99), "ms",
                    rate == 1_000 ? Target.atMost(50) : Target.NONE,
                    String.format("%,.0f/s achieved; read back by a read_committed consumer: an upper bound of commit → ack", sent.perSecond()));
        }

        int backlog = options.backlog();
        settle();
        say("2: stopping the broker and accepting " + backlog + " updates while it is away");
        stack.stopKafka();
        Run held = Run.start("outbox-backlog", backlog);
        Load.Outcome filled = Load.closed(32, Duration.ofMinutes(30), backlog, 0, updates(held, incidents));
        report.add(scenario, "updates/s accepted while the broker is away", filled.perSecond(), "/s", Target.NONE,
                filled.refused() + " refused");
        long restarted = Stamp.now();
        CpuMeter cpu = new CpuMeter(stack);
        cpu.start();
        stack.startKafka();
        boolean drained = awaitQuietly(Duration.ofMinutes(20), () -> held.publishedCount() >= filled.accepted());
        cpuRows(scenario, "draining", cpu, filled.accepted() / ((Stamp.now() - restarted) / 1e9));
        double seconds = (held.lastPublished() - held.firstPublished()) / 1e9;
        report.add(scenario, "backlog of " + String.format("%,d", filled.accepted()) + " drained, events/s", held.publishedCount() / seconds,
                "/s", Target.atLeast(20_000), drained ? "first to last record seen on the topic" : "NOT drained within 20 min");
        report.add(scenario, "broker back → backlog on the topic", (held.lastPublished() - restarted) / 1e9, "s", Target.NONE,
                "includes the relay's reconnect back-off");
    }

    /** 3 and 9 under load: webhook latency at 200 events/s to 10 subscribers, then the fan-out rate of a burst. */
    void webhooks() {
        String scenario = "3 Webhooks";
        List<String> incidents = webhookSetup();
        Load.open(200, options.warmup(), 32, 0, updates(Run.start("warm-up", capacity(200, options.warmup())), incidents));

        settle();
        Run run = Run.start("webhooks", capacity(200, options.duration()));
        Map<String, Double> peak = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("rss"));
        ((java.util.concurrent.ScheduledExecutorService) sampler).scheduleAtFixedRate(() -> LocalStack.SERVICES
                .forEach(service -> peak.merge(service, rss(service), Math::max)), 0, 500, TimeUnit.MILLISECONDS);
        CpuMeter cpu = new CpuMeter(stack);
        cpu.start();
        Load.Outcome sent = Load.open(200, options.duration(), 32, 0, updates(run, incidents));
        sampler.shutdownNow();
        cpuRows(scenario, "200 events/s × 10 webhooks", cpu, sent.perSecond());
        List<Run.Receipts> all = run.receipts(all());
        boolean complete = awaitQuietly(Duration.ofMinutes(2), () -> all.stream().allMatch(r -> r.distinct() >= sent.accepted()));
        Latency latency = Latency.merged(all.stream().map(Run.Receipts::latency).toList());
        report.add(scenario, "accepted → webhook received p50, 200 events/s × 10", latency.percentile(50), "ms");
        report.add(scenario, "accepted → webhook received p99, 200 events/s × 10", latency.percentile(99), "ms", Target.atMost(150),
                delivered(all, sent.accepted()) + (complete ? "" : ", NOT all within 2 min"));
        report.add(scenario, "accepted → webhook received max", latency.max(), "ms");
        for (String service : LocalStack.SERVICES) {
            report.add("9 Memory", service + "-service resident size, peak under scenario 3", peak.getOrDefault(service, Double.NaN), "MiB");
        }

        settle();
        int burst = Math.max(1_000, options.backlog() / 20);
        Run fanout = Run.start("fan-out", burst);
        Load.Outcome posted = Load.closed(32, Duration.ofMinutes(10), burst, 0, updates(fanout, incidents));
        List<Run.Receipts> got = fanout.receipts(all());
        boolean done = awaitQuietly(Duration.ofMinutes(10), () -> got.stream().allMatch(r -> r.distinct() >= posted.accepted()));
        report.add(scenario, "fan-out deliveries/s, burst of " + String.format("%,d", posted.accepted()) + " events × 10",
                deliveriesPerSecond(got), "/s", Target.atLeast(5_000), done ? delivered(got, posted.accepted()) : "NOT all within 10 min");
        double fanoutRate = deliveriesPerSecond(got);
        if (!Double.isNaN(fanoutRate)) {
            webhookSustainable = Math.max(5, Math.min(200, Math.round(fanoutRate * 0.5 / WEBHOOK_SUBSCRIBERS / 5) * 5));
        }
    }

    /**
     * 14: scenario 3's load on freshly started services. The three services are stopped and started again (the broker
     * and PostgreSQL keep running, as when services are redeployed or restarted during an outage), then take 200
     * events/s for 10 subscribers at once, without a warm-up; then the same load again, now warm.
     */
    void coldStart() {
        String scenario = "14 Cold start";
        List<String> incidents = webhookSetup();
        settle();
        long stopped = Stamp.now();
        LocalStack.SERVICES.forEach(stack::stopService);
        say("14: the services are stopped; starting them again");
        long started = Stamp.now();
        LocalStack.SERVICES.forEach(stack::startService);
        stack.awaitReady(Duration.ofMinutes(3));
        long ready = Stamp.now();
        report.add(scenario, "started → every service ready", (ready - started) / 1e9, "s", Target.NONE,
                "stopped in " + Report.number((started - stopped) / 1e9) + " s");
        double cold = webhookRun(scenario, "freshly started", incidents);
        double warm = webhookRun(scenario, "right after, warm", incidents);
        report.add(scenario, "cold p99 ÷ warm p99", cold / warm, "×");
    }

    /** One run of 200 events/s to the 10 subscribers for the duration; adds its p50 and p99 and returns the p99. */
    private double webhookRun(String scenario, String when, List<String> incidents) {
        Run run = Run.start(when, capacity(200, options.duration()));
        Load.Outcome sent = Load.open(200, options.duration(), 32, 0, updates(run, incidents));
        List<Run.Receipts> all = run.receipts(all());
        boolean complete = awaitQuietly(Duration.ofMinutes(2), () -> all.stream().allMatch(r -> r.distinct() >= sent.accepted()));
        Latency latency = Latency.merged(all.stream().map(Run.Receipts::latency).toList());
        report.add(scenario, "accepted → webhook received p50, 200 events/s × 10, " + when, latency.percentile(50), "ms");
        report.add(scenario, "accepted → webhook received p99, 200 events/s × 10, " + when, latency.percentile(99), "ms", Target.NONE,
                delivered(all, sent.accepted()) + (complete ? "" : ", NOT all within 2 min"));
        return latency.percentile(99);
    }

    /**
     * 13: what a delivery costs PostgreSQL during a fan-out burst (rows written, heap-only share, WAL, the claim's
     * time), the same burst to 200 distinct receiver hosts, and the JDK HTTP client's own rate to the same receivers
     * with bodies of the same size, measured in the same run.
     */
    void deliveryCost() {
        String scenario = "13 Delivery cost";
        List<String> incidents = webhookSetup();
        Load.open(200, options.warmup(), 32, 0, updates(Run.start("warm-up", capacity(200, options.warmup())), incidents));
        List<String> spread = manyHostsSetup();

        int events = Math.max(1_000, options.backlog() / 20);
        double tenHosts = costedBurst(scenario, "10 hosts", incidents, events, all());
        double manyHosts = costedBurst(scenario, MANY_HOSTS + " hosts", spread, events * WEBHOOK_SUBSCRIBERS / MANY_HOSTS,
                IntStream.range(MANY_HOSTS_FIRST, MANY_HOSTS_FIRST + MANY_HOSTS).boxed().toList());
        report.add(scenario, "fan-out " + MANY_HOSTS + " hosts ÷ 10 hosts", 100 * manyHosts / tenHosts, "%", Target.atLeast(80),
                String.format("%,.0f/s against %,.0f/s", manyHosts, tenHosts));

        int body = DeliveryCost.payloadBytes(stack);
        long requests = (long) events * WEBHOOK_SUBSCRIBERS;
        double ceiling = DeliveryCost.httpCeiling(receivers, body, 64, requests);
        report.add(scenario, "raw HTTP client ceiling, 10 hosts", ceiling, "/s", Target.NONE,
                String.format("JDK HttpClient, %,d posts of %,d bytes, 64 in flight; fan-out reached %.0f %% of it", requests, body,
                        100 * tenHosts / ceiling));
        double spreadCeiling = DeliveryCost.httpCeiling(manyHostReceivers, body, 64, requests);
        report.add(scenario, "raw HTTP client ceiling, " + MANY_HOSTS + " hosts", spreadCeiling, "/s", Target.NONE,
                String.format("fan-out reached %.0f %% of it", 100 * manyHosts / spreadCeiling));
    }

    /** One burst of {@code events} × the receivers' subscriptions, with what it cost PostgreSQL per delivery; answers deliveries/s. */
    private double costedBurst(String scenario, String hosts, List<String> incidents, int events, List<Integer> receiving) {
        settle();
        DeliveryCost.Snapshot before = DeliveryCost.settledSnapshot(stack);
        Run burst = Run.start("fan-out, " + hosts, events);
        Load.Outcome posted = Load.closed(32, Duration.ofMinutes(10), events, 0, updates(burst, incidents));
        List<Run.Receipts> got = burst.receipts(receiving);
        boolean done = awaitQuietly(Duration.ofMinutes(10), () -> got.stream().allMatch(r -> r.distinct() >= posted.accepted()));
        long walAtDone = DeliveryCost.walBytes(stack);
        double rate = deliveriesPerSecond(got);
        long deliveries = posted.accepted() * receiving.size();
        report.add(scenario, "fan-out deliveries/s, " + hosts + ", burst of " + String.format("%,d", posted.accepted()) + " events × "
                + receiving.size(), rate, "/s", Target.atLeast(5_000), done ? delivered(got, posted.accepted()) : "NOT all within 10 min");
        DeliveryCost.Cost cost = DeliveryCost.settledSnapshot(stack).since(before, deliveries, walAtDone);
        report.add(scenario, "delivery rows written per delivery, " + hosts, cost.inserted() + cost.updated(), "rows", Target.NONE,
                String.format("%.2f inserted, %.2f updated, and %.2f attempt rows", cost.inserted(), cost.updated(), cost.attempts()));
        report.add(scenario, "heap-only share of delivery-row updates, " + hosts, cost.heapOnlyPercent(), "%", Target.NONE,
                "pg_stat_user_tables n_tup_hot_upd ÷ n_tup_upd");
        report.add(scenario, "WAL per delivery, " + hosts, cost.walBytes(), "bytes", Target.NONE,
                "the whole cluster's log during the burst, the updates' own writes included");
        if (!Double.isNaN(cost.claimMeanMillis())) {
            report.add(scenario, "claim statement mean, " + hosts, cost.claimMeanMillis(), "ms", Target.NONE, "pg_stat_statements");
        }
        return rate;
    }

    /** 200 receivers on addresses of their own (127.0.0.11 on), each subscribed to a component of its own. */
    private List<String> manyHostsSetup() {
        if (manyHostIncidents == null) {
            String component = client.component("Many hosts");
            manyHostIncidents = client.openIncidents(component, 50);
            for (int i = 0; i < MANY_HOSTS; i++) {
                WebhookReceiver receiver = new WebhookReceiver(MANY_HOSTS_FIRST + i, "127.0.0." + (11 + i), 4);
                manyHostReceivers.add(receiver);
                client.webhook(receiver.url(), component);
            }
        }
        return manyHostIncidents;
    }

    /** 4: emails to 20 confirmed subscribers at 10 events/s, then a burst. */
    void email() {
        String scenario = "4 Email";
        String component = client.component("Email");
        List<String> incidents = client.openIncidents(component, 20);
        List<Integer> mailboxes = IntStream.range(0, EMAIL_SUBSCRIBERS).boxed().toList();
        for (int box : mailboxes) {
            client.email("bench-" + box + "@example.com", component, mail);
        }
        Load.open(10, options.warmup(), 8, 0, updates(Run.start("warm-up", capacity(10, options.warmup())), incidents));

        settle();
        Run run = Run.start("email", capacity(10, options.duration()));
        Load.Outcome sent = Load.open(10, options.duration(), 8, 0, updates(run, incidents));
        List<Run.Receipts> boxes = run.receipts(mailboxes);
        boolean complete = awaitQuietly(Duration.ofMinutes(3), () -> boxes.stream().allMatch(r -> r.distinct() >= sent.accepted()));
        Latency latency = Latency.merged(boxes.stream().map(Run.Receipts::latency).toList());
        report.add(scenario, "mails/s received, 200/s offered (10 events/s × 20)", deliveriesPerSecond(boxes), "/s", Target.atLeast(200),
                delivered(boxes, sent.accepted()) + (complete ? "" : ", NOT all within 3 min"));
        report.add(scenario, "accepted → mail received p50", latency.percentile(50), "ms");
        report.add(scenario, "accepted → mail received p99", latency.percentile(99), "ms", Target.atMost(1_000), "");

        settle();
        Run burst = Run.start("email-burst", 200);
        Load.Outcome posted = Load.closed(8, Duration.ofMinutes(5), 200, 0, updates(burst, incidents));
        List<Run.Receipts> got = burst.receipts(mailboxes);
        boolean done = awaitQuietly(Duration.ofMinutes(5), () -> got.stream().allMatch(r -> r.distinct() >= posted.accepted()));
        report.add(scenario, "mails/s, burst of " + posted.accepted() + " events × 20", deliveriesPerSecond(got), "/s", Target.NONE,
                done ? delivered(got, posted.accepted()) : "NOT all within 5 min");
    }

    /**
     * 12: one incident update to a list of 50,000 ({@code --list}) confirmed email subscribers: time to the last mail, mails/s,
     * notification-service's peak resident size while it sends, and that every subscriber got it exactly once.
     */
    void largeList() {
        String scenario = "12 Large list";
        int list = options.list();
        String component = client.component("Large list");
        String incident = client.openIncidents(component, 1).get(0);
        // As an admin brings a list: imported, confirmed already, in batches of 1,000 (the most one import takes).
        int batch = 1_000;
        long setupStarted = System.nanoTime();
        Load.Outcome subscribed = Load.closed(1, Duration.ofMinutes(30), (list + batch - 1) / batch, 0, (seq, intended) -> {
            int from = (int) seq * batch;
            List<String> addresses = java.util.stream.IntStream.range(from, Math.min(list, from + batch))
                    .mapToObj(i -> "bench-" + i + "@list.example.com").toList();
            int created = client.importSubscribers(addresses, component);
            if (created != addresses.size()) {
                throw new IllegalStateException("an import of " + addresses.size() + " addresses created " + created);
            }
            return true;
        });
        double setup = (System.nanoTime() - setupStarted) / 1e9;
        int imported = (int) Math.min(list, subscribed.accepted() * (long) batch);
        report.add(scenario, String.format("setup: %,d imported as confirmed subscribers, %,d a request", list, batch), setup, "s",
                Target.NONE, String.format("%,d imported in %,d requests, %,.0f subscribers/s", imported, subscribed.accepted(),
                        imported / setup));

        settle();
        Run run = Run.start("large-list", 1);
        MailSink.Tally tally = mail.tally(run, list);
        long sessionsBefore = mail.sessions();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("rss"));
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(Math.round(rss("notification") * 1024), Math::max), 0, 250,
                TimeUnit.MILLISECONDS);
        double atRest = rss("notification");
        CpuMeter cpu = new CpuMeter(stack);
        cpu.start();
        long posted = Stamp.now();
        if (!client.update(incident, run.token(0, posted)).ok()) {
            sampler.shutdownNow();
            throw new IllegalStateException("the update to the large list was not accepted");
        }
        long accepted = Stamp.now();
        boolean complete = awaitQuietly(Duration.ofMinutes(20), () -> tally.received() >= imported);
        sampler.shutdownNow();
        double toLast = tally.received() == 0 ? Double.NaN : (tally.last() - accepted) / 1e6;
        double perSecond = tally.last() > tally.first() ? tally.received() / ((tally.last() - tally.first()) / 1e9) : Double.NaN;
        cpuRows(scenario, String.format("%,d mails", tally.received()), cpu, perSecond);
        report.add(scenario, String.format("2xx → last of %,d mails received", imported), toLast / 1_000, "s", Target.NONE,
                String.format("first after %,.0f ms", (tally.first() - accepted) / 1e6) + (complete ? "" : ", NOT all within 20 min"));
        report.add(scenario, "mails/s, first to last mail", perSecond, "/s", Target.atLeast(1_000),
                String.format("%,.0f/s from the 2xx; %,d SMTP sessions for them", tally.received() / ((tally.last() - accepted) / 1e9),
                        mail.sessions() - sessionsBefore));
        report.add(scenario, "notification-service resident size, peak while sending", peak.get() / 1024.0, "MiB", Target.NONE,
                String.format("%,.0f MiB before the update", atRest));
        int once = tally.mailboxesWith(1);
        report.add(scenario, "subscribers without exactly one mail", list - once, "", Target.atMost(0),
                String.format("%,d got none, %,d more than one, %,d mails outside the list", tally.mailboxesWith(0), list - once
                        - tally.mailboxesWith(0), tally.elsewhere()));
    }

    /**
     * 5: one of the ten receivers fails (503, then hangs) for {@code --outage}; the other nine must not notice. On JVMs
     * warmed up at the same load for {@code --warmup}, each outage is compared with a healthy window just before it, as
     * long as it and on the same nine receivers: measured first and alone, a baseline met the coldest code of the run
     * and the ratios said more about the order than about isolation.
     */
    void isolation() {
        String scenario = "5 Isolation";
        List<String> incidents = webhookSetup();
        // Below saturation, so that the comparison shows the failing receiver's effect, not a queue: half the fan-out rate,
        // unless the run fixes the rate (so that runs without scenario 3 compare).
        double rate = options.isolationRate() > 0 ? options.isolationRate() : webhookSustainable;
        String at = Report.number(rate) + " events/s × 10";
        Duration outage = options.outage();
        WebhookReceiver bad = receivers.get(receivers.size() - 1);
        List<Integer> healthy = all().subList(0, receivers.size() - 1);
        Load.open(rate, options.warmup(), 32, 0, updates(Run.start("warm-up", capacity(rate, options.warmup())), incidents));
        // Each outage lies between two healthy windows of its length, and is compared with both: the services still warm up
        // from one window to the next, so the window after an outage is the stricter baseline, the one before the kinder.
        Latency before = healthyWindow(scenario, "before the 503 outage", rate, at, incidents, healthy);
        for (WebhookReceiver.Mode failure : List.of(WebhookReceiver.Mode.FAIL, WebhookReceiver.Mode.HANG)) {
            String how = failure == WebhookReceiver.Mode.FAIL ? "503" : "hangs";
            settle();
            Run run = Run.start("isolation-" + how, capacity(rate, outage));
            DispatchCounts start = dispatchCounts();
            bad.mode(failure);
            Load.Outcome sent = Load.open(rate, outage, 32, 0, updates(run, incidents));
            bad.mode(WebhookReceiver.Mode.OK);
            DispatchCounts during = dispatchCounts();
            long recovered = Stamp.now();
            List<Run.Receipts> fine = run.receipts(healthy);
            awaitQuietly(Duration.ofMinutes(5), () -> fine.stream().allMatch(r -> r.distinct() >= sent.accepted()));
            Latency latency = Latency.merged(fine.stream().map(Run.Receipts::latency).toList());
            Run.Receipts late = run.receipts(bad.index());
            boolean caughtUp = awaitQuietly(Duration.ofMinutes(15), () -> late.distinct() >= sent.accepted());
            Latency after = healthyWindow(scenario, failure == WebhookReceiver.Mode.FAIL ? "after the 503 outage, before the hang"
                    : "after the hang", rate, at, incidents, healthy);
            double ratio = Math.max(latency.percentile(99) / before.percentile(99), latency.percentile(99) / after.percentile(99));
            report.add(scenario, "healthy p99 ÷ baseline p99, one receiver " + how + " for " + outage.toSeconds() + " s",
                    ratio, "×", Target.atMost(1.2),
                    String.format(java.util.Locale.ROOT, "the larger of %.2f× (before) and %.2f× (after): p99 %.1f ms against %.1f and %.1f ms, "
                                    + "p50 %.1f ms against %.1f and %.1f ms at %s; ",
                            latency.percentile(99) / before.percentile(99), latency.percentile(99) / after.percentile(99),
                            latency.percentile(99), before.percentile(99), after.percentile(99), latency.percentile(50),
                            before.percentile(50), after.percentile(50), at)
                            + delivered(fine, sent.accepted()) + "; during the outage " + during.since(start));
            report.add(scenario, "the failed receiver: recovered → every message delivered", caughtUp ? (late.last() - recovered) / 1e9 : Double.NaN,
                    "s", Target.NONE, late.distinct() + " of " + sent.accepted() + " delivered" + (caughtUp ? "" : " within 15 min"));
            before = after;
        }
    }

    /** A healthy window of the outage's length, every receiver answering; reports the nine healthy ones' p99 and returns their latency. */
    private Latency healthyWindow(String scenario, String when, double rate, String at, List<String> incidents, List<Integer> healthy) {
        Duration length = options.outage();
        settle();
        DispatchCounts start = dispatchCounts();
        Run window = Run.start("healthy", capacity(rate, length));
        Load.Outcome measured = Load.open(rate, length, 32, 0, updates(window, incidents));
        DispatchCounts end = dispatchCounts();
        List<Run.Receipts> everyone = window.receipts(all());
        awaitQuietly(Duration.ofMinutes(5), () -> everyone.stream().allMatch(r -> r.distinct() >= measured.accepted()));
        Latency latency = Latency.merged(window.receipts(healthy).stream().map(Run.Receipts::latency).toList());
        report.add(scenario, "baseline p99, the nine healthy, " + length.toSeconds() + " s " + when, latency.percentile(99), "ms",
                Target.NONE, String.format(java.util.Locale.ROOT, "p50 %.1f ms at %s; ", latency.percentile(50), at)
                        + delivered(everyone, measured.accepted()) + "; " + end.since(start));
        return latency;
    }

    /** notification-service's counters of what its dispatcher did, to say how a run's deliveries went out. */
    private DispatchCounts dispatchCounts() {
        return new DispatchCounts(client.metric("notification", "sitrep_deliveries_total"),
                client.metric("notification", "sitrep_deliveries_handed_over_total"),
                client.metric("notification", "sitrep_deliveries_deferred_total"));
    }

    /** Attempts recorded, deliveries handed over born claimed (the rest were claimed), deliveries put back without an attempt. */
    private record DispatchCounts(double attempts, double handedOver, double deferred) {

        String since(DispatchCounts before) {
            return String.format("%,.0f attempts, %,.0f handed over born claimed, %,.0f put back without an attempt",
                    attempts - before.attempts, handedOver - before.handedOver, deferred - before.deferred);
        }
    }

    /**
     * 6: published → visible in the timeline, and GET latency, at the target (1,000 requests/s while 500 events/s
     * go in) and below saturation (a quarter of each).
     */
    void readSide() {
        String scenario = "6 Read side";
        List<String> incidents = client.openIncidents(client.component("Read side"), 500);
        readSide(scenario, incidents, 500, 1_000, true);
        readSide(scenario, incidents, 125, 250, false);
    }

    private void readSide(String scenario, List<String> incidents, double writes, double reads, boolean target) {
        String at = Report.number(writes) + " events/s";
        String getsAt = Report.number(reads) + "/s";
        settle();
        Duration total = options.warmup().plus(options.duration());
        Run run = Run.start("read-side", capacity(writes, total));
        AtomicLongArray visible = new AtomicLongArray(run.capacity());
        ExecutorService probes = Executors.newFixedThreadPool(16, daemon("probe"));
        long measureFrom = Stamp.now() + options.warmup().toNanos();
        int probeEvery = (int) Math.max(1, writes / 10);
        Latency latencies = new Latency();
        CompletableFuture<Load.Outcome> ingest = CompletableFuture.supplyAsync(() -> Load.open(writes, total, 64, 0, (seq, intended) -> {
            String incident = incidents.get((int) (seq % incidents.size()));
            Http.Response response = client.update(incident, run.token(seq, intended));
            if (response.ok()) {
                run.accepted(seq, Stamp.now());
                if (seq % probeEvery == 0) {
                    long version = response.version();
                    probes.execute(() -> visible.set((int) seq, awaitVersion(incident, version)));
                }
            }
            return response.ok();
        }));
        Load.Outcome gets = Load.open(reads, total, 64, 0, (seq, intended) -> {
            String incident = incidents.get(ThreadLocalRandom.current().nextInt(incidents.size()));
            boolean ok = client.http().get(client.timelineUrl(incident)).status() == 200;
            if (intended >= measureFrom) {
                latencies.record(Stamp.now() - intended);
            }
            return ok;
        });
        Load.Outcome sent = ingest.join();
        probes.shutdown();
        awaitQuietly(Duration.ofMinutes(2), probes::isTerminated);
        awaitQuietly(Duration.ofMinutes(1), () -> run.publishedCount() >= sent.accepted());
        Latency visibility = new Latency();
        int unseen = 0;
        for (int seq = 0; seq < sent.sent(); seq += probeEvery) {
            long published = run.publishedAt(seq);
            long shown = visible.get(seq);
            if (run.acceptedAt(seq) < measureFrom) {
                continue;
            }
            if (published == 0 || shown == 0) {
                unseen++;
            } else {
                visibility.record(shown - published);
            }
        }
        report.add(scenario, "published → visible in GET p50, " + at, visibility.percentile(50), "ms");
        report.add(scenario, "published → visible in GET p99, " + at, visibility.percentile(99), "ms",
                target ? Target.atMost(100) : Target.NONE,
                visibility.count() + " probes polling every 5 ms" + (unseen > 0 ? ", " + unseen + " not seen within 30 s" : ""));
        report.add(scenario, "GET incident timeline p50 at " + getsAt + ", " + at, latencies.percentile(50), "ms");
        report.add(scenario, "GET incident timeline p99 at " + getsAt + ", " + at, latencies.percentile(99), "ms",
                target ? Target.atMost(10) : Target.NONE,
                String.format("%,.0f/s achieved, %d failed; %,.0f updates/s achieved", gets.perSecond(), gets.refused(), sent.perSecond()));
    }

    /** 7: the read models rebuilt from the whole topic. */
    void rebuild() {
        String scenario = "7 Rebuild";
        settle();
        client.rebuild("POST");
        JsonNode progress = client.rebuild("GET");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!List.of("completed", "failed").contains(progress.path("state").asString()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            progress = client.rebuild("GET");
        }
        long events = progress.path("eventsApplied").asLong();
        double seconds = Duration.between(Instant.parse(progress.path("startedAt").asString()),
                Instant.parse(progress.path("finishedAt").asString(Instant.now().toString()))).toMillis() / 1e3;
        report.add(scenario, "events/s applied, rebuilding " + String.format("%,d", events) + " events", events / seconds, "/s",
                Target.atLeast(20_000), progress.path("state").asString() + " in " + Report.number(seconds) + " s");
    }

    /** 8: notification-service stopped while 100,000 deliveries pile up, then started again. */
    void backlogAfterOutage() {
        String scenario = "8 Backlog";
        List<String> incidents = webhookSetup();
        int events = Math.max(100, options.backlog() / WEBHOOK_SUBSCRIBERS);
        settle();
        say("8: stopping notification-service and accepting " + events + " updates for " + WEBHOOK_SUBSCRIBERS + " subscribers");
        stack.stopService("notification");
        Run run = Run.start("outage", events);
        Load.Outcome held = Load.closed(32, Duration.ofMinutes(30), events, 0, updates(run, incidents));
        long newest = held.sent() - 1;
        long started = Stamp.now();
        stack.startService("notification");
        stack.awaitReady(Duration.ofMinutes(3));
        long ready = Stamp.now();
        List<Run.Receipts> all = run.receipts(all());
        boolean drained = awaitQuietly(Duration.ofMinutes(30), () -> all.stream().allMatch(r -> r.distinct() >= held.accepted()));
        long newestEverywhere = all.stream().mapToLong(r -> r.receivedAt(newest)).max().orElse(0);
        long firstDelivery = all.stream().mapToLong(Run.Receipts::first).min().orElse(0);
        long deliveries = held.accepted() * WEBHOOK_SUBSCRIBERS;
        report.add(scenario, "started → ready", (ready - started) / 1e9, "s");
        report.add(scenario, "started → first delivery", (firstDelivery - started) / 1e9, "s");
        report.add(scenario, "drain rate, " + String.format("%,d", deliveries) + " deliveries", deliveriesPerSecond(all), "/s", Target.NONE,
                drained ? delivered(all, held.accepted()) : "NOT drained within 30 min");
        report.add(scenario, "started → newest event delivered to all 10", newestEverywhere == 0 ? Double.NaN : (newestEverywhere - started) / 1e9, "s");
        report.add(scenario, "started → every delivery made", drained ? (all.stream().mapToLong(Run.Receipts::last).max().orElse(0) - started) / 1e9
                : Double.NaN, "s");
    }

    /**
     * 10: a read storm. 200 kept-alive readers GET the page and {@code /api/v2/summary.json} while 20 updates a second are
     * written, first taking full answers, then revalidating; nginx then serves the same bytes as files to the same
     * readers. Then the most 32 writers sustain without the storm and during it, and how soon a write's 2xx shows in
     * the snapshot at 500 events/s.
     */
    void readStorm() {
        String scenario = "10 Read storm";
        List<String> incidents = client.openIncidents(client.component("Read storm"), STORM_INCIDENTS);
        java.net.URI timeline = java.net.URI.create(stack.url("timeline"));
        String host = timeline.getHost();
        int port = timeline.getPort();
        Readers.Mode full = new Readers.Mode(false, true);
        Readers.Mode revalidating = new Readers.Mode(true, true);
        String readers = STORM_READERS + " readers";

        storm(host, port, full, options.warmup(), incidents);
        settle();
        CpuMeter cpu = new CpuMeter(stack);
        cpu.start();
        Storm sitrep = storm(host, port, full, options.duration(), incidents);
        cpuRows(scenario, readers + ", full answers", cpu, sitrep.reads().perSecond());
        stormRows(scenario, "Sitrep, full answers", sitrep, Target.atMost(50));
        settle();
        Storm sitrepRevalidated = storm(host, port, revalidating, options.duration(), incidents);
        stormRows(scenario, "Sitrep, revalidating", sitrepRevalidated, Target.atMost(50));
        report.add(scenario, "share answered 304, Sitrep, revalidating", sitrepRevalidated.reads().notModifiedShare() * 100, "%", Target.NONE,
                String.format("%,d of %,d answers; the rest are new snapshots (each write changes them)",
                        sitrepRevalidated.reads().notModified(), sitrepRevalidated.reads().answers()));

        java.util.Optional<java.nio.file.Path> nginx = Nginx.find(Nginx.searchPath());
        if (nginx.isEmpty()) {
            say("10: nginx is not installed (not on the PATH, nor in /usr/sbin): no comparison with a static server in this run");
            report.add(scenario, "nginx, same bytes as static files", Double.NaN, "/s", Target.NONE,
                    "nginx is not installed: no comparison (Debian: apt-get install nginx)");
        } else {
            settle();
            try (Nginx server = startNginx(nginx.get(), timeline)) {
                say("10: nginx (" + nginx.get() + ") serves the same bytes on 127.0.0.1:" + server.port());
                Storm statics = storm("127.0.0.1", server.port(), full, options.duration(), incidents);
                stormRows(scenario, "nginx, full answers", statics, Target.NONE);
                Storm staticsRevalidated = storm("127.0.0.1", server.port(), revalidating, options.duration(), incidents);
                stormRows(scenario, "nginx, revalidating", staticsRevalidated, Target.NONE);
                report.add(scenario, "Sitrep ÷ nginx, full answers/s", 100 * sitrep.reads().fullPerSecond() / statics.reads().fullPerSecond(),
                        "%", Target.atLeast(25), String.format("%,.0f/s against %,.0f/s", sitrep.reads().fullPerSecond(), statics.reads().fullPerSecond()));
                report.add(scenario, "Sitrep ÷ nginx, 304 answers/s",
                        100 * sitrepRevalidated.reads().notModifiedPerSecond() / staticsRevalidated.reads().notModifiedPerSecond(), "%",
                        Target.atLeast(50), String.format("%,.0f/s against %,.0f/s",
                                sitrepRevalidated.reads().notModifiedPerSecond(), staticsRevalidated.reads().notModifiedPerSecond()));
            }
        }

        settle();
        Run alone = Run.start("ingest-alone", capacity(5_000, options.duration()));
        Load.Outcome without = Load.closed(32, options.duration(), alone.capacity(), 0, updates(alone, incidents));
        report.add(scenario, "updates/s sustained, 32 writers, no readers", without.perSecond(), "/s", Target.NONE,
                "p99 " + Report.number(without.latency().percentile(99)) + " ms");
        settle();
        Run during = Run.start("ingest-storm", capacity(5_000, options.duration()));
        CompletableFuture<Readers.Outcome> storming = CompletableFuture.supplyAsync(
                () -> Readers.run(host, port, STORM_PATHS, STORM_READERS, options.duration(), full));
        Load.Outcome with = Load.closed(32, options.duration(), during.capacity(), 0, updates(during, incidents));
        Readers.Outcome meanwhile = storming.join();
        report.add(scenario, "updates/s sustained, 32 writers, during the storm", with.perSecond(), "/s", Target.NONE,
                "p99 " + Report.number(with.latency().percentile(99)) + " ms; the readers got "
                        + Report.number(meanwhile.perSecond()) + " answers/s meanwhile");
        report.add(scenario, "ingest during the storm ÷ without", 100 * with.perSecond() / without.perSecond(), "%", Target.atLeast(90),
                "the two cores are shared: the readers take what the writers would use");

        settle();
        freshness(scenario, incidents, 500, Target.atMost(100));
        settle();
        freshness(scenario, incidents, 50, Target.NONE);
    }

    /**
     * 11: the idle path. One webhook subscriber on a component of its own, 10 updates a second on warm services: how long
     * from a 2xx to the webhook's arrival, and where the time goes, hop by hop, from the times the harness saw (the 2xx,
     * the record on the topic, the webhook's arrival) and those notification-service recorded for the delivery (its
     * creation, at the start of the fan-out's transaction, and its attempt's start, after the claim), read back through
     * its deliveries API and joined by webhook-id. Services and harness share the machine's wall clock.
     */
    void idlePath() {
        String scenario = "11 Idle path";
        String component = client.component("Idle path");
        List<String> incidents = client.openIncidents(component, 20);
        try (WebhookReceiver receiver = new WebhookReceiver(0, "127.0.0.250")) {
            String subscription = client.webhook(receiver.url(), component);
            // Warm at scenario 3's rate, so that the path's code is compiled before it is timed.
            Load.open(IDLE_WARMUP_RATE, options.warmup(), 16, 0, updates(Run.start("warm-up", capacity(IDLE_WARMUP_RATE, options.warmup())), incidents));
            // Then at the idle rate itself, untimed, so that what a poll of one record and a build per event run is compiled too.
            Load.open(IDLE_RATE, options.warmup(), 4, 0, updates(Run.start("idle warm-up", capacity(IDLE_RATE, options.warmup())), incidents));
            settle();
            Run run = Run.start("idle-path", capacity(IDLE_RATE, options.duration()));
            Map<String, Long> seqOf = new java.util.concurrent.ConcurrentHashMap<>();
            receiver.onDelivery((webhookId, token) -> {
                if (token.run() == run.id && webhookId != null) {
                    seqOf.putIfAbsent(webhookId, token.seq());
                }
            });
            int connectionsBefore = receiver.connections();
            long offsetBefore = Stamp.wallClockOffset();
            double buildsBefore = client.metric("timeline", "sitrep_timeline_snapshot_build_seconds_count");
            double buildSecondsBefore = client.metric("timeline", "sitrep_timeline_snapshot_build_seconds_sum");
            CpuMeter cpu = new CpuMeter(stack, true);
            cpu.start();
            Load.Outcome sent = Load.open(IDLE_RATE, options.duration(), 4, 0, updates(run, incidents));
            Run.Receipts got = run.receipts(0);
            cpuRows(scenario, Report.number(IDLE_RATE) + " events/s", cpu, IDLE_RATE);
            double builds = client.metric("timeline", "sitrep_timeline_snapshot_build_seconds_count") - buildsBefore;
            report.add(scenario, "timeline-service's public snapshot build, mean, " + Report.number(IDLE_RATE) + " events/s",
                    (client.metric("timeline", "sitrep_timeline_snapshot_build_seconds_sum") - buildSecondsBefore) * 1_000 / builds, "ms",
                    Target.NONE, String.format(java.util.Locale.ROOT, "%.0f builds while the events went in", builds));
            boolean complete = awaitQuietly(Duration.ofMinutes(1), () -> got.distinct() >= sent.accepted());
            awaitQuietly(Duration.ofSeconds(30), () -> run.publishedCount() >= sent.accepted());
            long offsetAfter = Stamp.wallClockOffset();
            long offset = offsetBefore + (offsetAfter - offsetBefore) / 2;

            Latency total = new Latency();
            for (int seq = 0; seq < sent.sent(); seq++) {
                if (run.acceptedAt(seq) > 0 && got.receivedAt(seq) > 0) {
                    total.record(got.receivedAt(seq) - run.acceptedAt(seq));
                }
            }
            Latency toTopic = new Latency();
            Latency topicToCreated = new Latency();
            Latency createdToAttempt = new Latency();
            Latency attemptToReceived = new Latency();
            int retried = 0;
            PathLog stamps = options.pathStamps() ? PathLog.read(stack.settings().dataDirectory().resolve("logs")) : null;
            Map<String, Latency> steps = new java.util.LinkedHashMap<>();
            int stamped = 0;
            for (JsonNode delivery : client.deliveries(subscription)) {
                Long seq = seqOf.get(delivery.path("id").asString());
                if (seq == null || run.acceptedAt(seq) == 0 || run.publishedAt(seq) == 0 || got.receivedAt(seq) == 0) {
                    continue;
                }
                JsonNode attempts = delivery.path("attempts");
                if (attempts.size() != 1) {
                    retried++;
                    continue;
                }
                long created = Stamp.onThisClock(Instant.parse(delivery.path("createdAt").asString()), offset);
                long attempted = Stamp.onThisClock(Instant.parse(attempts.get(0).path("attemptedAt").asString()), offset);
                toTopic.record(run.publishedAt(seq) - run.acceptedAt(seq));
                topicToCreated.record(created - run.publishedAt(seq));
                createdToAttempt.record(attempted - created);
                attemptToReceived.record(got.receivedAt(seq) - attempted);
                if (stamps != null) {
                    Map<String, Instant> path = stamps.ofDelivery(delivery.path("id").asString());
                    if (path.keySet().containsAll(PathLog.STEPS)) {
                        stamped++;
                        String previous = null;
                        for (Map.Entry<String, Instant> step : path.entrySet()) {
                            if (previous != null) {
                                steps.computeIfAbsent(previous + " → " + step.getKey(), hop -> new Latency())
                                        .record(Duration.between(path.get(previous), step.getValue()).toNanos());
                            }
                            previous = step.getKey();
                        }
                        steps.computeIfAbsent(previous + " → webhook received", hop -> new Latency())
                                .record(got.receivedAt(seq) - Stamp.onThisClock(path.get(previous), offset));
                    }
                }
            }
            String at = Report.number(IDLE_RATE) + " events/s × 1";
            report.add(scenario, "2xx → webhook received p50, " + at, total.percentile(50), "ms", Target.atMost(6), "");
            report.add(scenario, "2xx → webhook received p99, " + at, total.percentile(99), "ms", Target.atMost(20),
                    delivered(List.of(got), sent.accepted()) + (complete ? "" : ", NOT all within 1 min"));
            hopRows(scenario, "2xx → on the topic", toTopic, "the harness's read_committed consumer saw the record");
            hopRows(scenario, "on the topic → delivery created", topicToCreated,
                    "the delivery's createdAt: the fan-out's transaction began; two consumers of the topic, so 0 when the service's was first");
            hopRows(scenario, "delivery created → attempt started", createdToAttempt,
                    "the fan-out committed, the dispatcher woke and claimed it; the attempt's attemptedAt");
            hopRows(scenario, "attempt started → webhook received", attemptToReceived,
                    String.format(java.util.Locale.ROOT, "signed and POSTed, on %d new connections for %d webhooks; %d deliveries joined"
                            + " by webhook-id, %d with retries left out; wall clock ↔ harness clock drifted %.2f ms over the run",
                            receiver.connections() - connectionsBefore, got.distinct(), toTopic.count(), retried,
                            Math.abs(offsetAfter - offsetBefore) / 1e6));
            if (stamps == null) {
                report.add(scenario, "path steps", Double.NaN, "", Target.NONE,
                        "the services' path stamps are written only when scenario 11 runs alone (--scenarios=11)");
            } else {
                // None joined means the services' step names and PathLog.STEPS no longer agree: it shows here, not as missing rows.
                report.add(scenario, "path: deliveries with every step stamped", stamped, "", Target.NONE,
                        "of " + toTopic.count() + "; the services' sitrep.path stamps, joined by event and delivery id");
                steps.forEach((hop, latency) -> hopRows(scenario, "path: " + hop, latency, ""));
            }
        }
    }

    private void hopRows(String scenario, String hop, Latency latency, String note) {
        report.add(scenario, "hop: " + hop + " p50", latency.percentile(50), "ms", Target.NONE, "");
        report.add(scenario, "hop: " + hop + " p99", latency.percentile(99), "ms", Target.NONE, note);
    }

    /** What one storm did: the readers' answers and the writes that went on meanwhile. */
    private record Storm(Readers.Outcome reads, Load.Outcome writes) {
    }

    private Storm storm(String host, int port, Readers.Mode mode, Duration duration, List<String> incidents) {
        Run run = Run.start("storm-writes", capacity(STORM_WRITES, duration));
        CompletableFuture<Load.Outcome> writing = CompletableFuture.supplyAsync(
                () -> Load.open(STORM_WRITES, duration, 8, 0, updates(run, incidents)));
        Readers.Outcome reads = Readers.run(host, port, STORM_PATHS, STORM_READERS, duration, mode);
        return new Storm(reads, writing.join());
    }

    private void stormRows(String scenario, String what, Storm storm, Target p99) {
        Readers.Outcome reads = storm.reads();
        report.add(scenario, "answers/s, " + what, reads.perSecond(), "/s", Target.NONE,
                String.format(java.util.Locale.ROOT, "%,d full, %,d 304, %,d failed, %,d reconnections; %.1f MB/s of bodies; %s",
                        reads.full(), reads.notModified(), reads.failed(), reads.reconnects(), reads.bodyBytes() / reads.seconds() / 1e6,
                        STORM_PATHS));
        report.add(scenario, "latency p50, " + what, reads.latency().percentile(50), "ms");
        report.add(scenario, "latency p99, " + what, reads.latency().percentile(99), "ms", p99, "");
        report.add(scenario, "writes meanwhile, " + what, storm.writes().perSecond(), "/s", Target.NONE,
                Report.number(STORM_WRITES) + "/s offered, " + storm.writes().refused() + " refused, p99 "
                        + Report.number(storm.writes().latency().percentile(99)) + " ms");
    }

    /** nginx serving the bytes the service answers now, plain and gzipped, as files. */
    private Nginx startNginx(java.nio.file.Path executable, java.net.URI timeline) {
        Map<String, byte[]> plain = new java.util.LinkedHashMap<>();
        Map<String, byte[]> gzipped = new java.util.LinkedHashMap<>();
        String cacheControl = "";
        java.net.http.HttpClient fetcher = java.net.http.HttpClient.newHttpClient();
        try {
            for (String path : STORM_PATHS) {
                java.net.http.HttpResponse<byte[]> identity = fetcher.send(java.net.http.HttpRequest.newBuilder(timeline.resolve(path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                java.net.http.HttpResponse<byte[]> gzip = fetcher.send(java.net.http.HttpRequest.newBuilder(timeline.resolve(path))
                        .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (identity.statusCode() != 200 || gzip.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + identity.statusCode() + " and " + gzip.statusCode());
                }
                plain.put(path, identity.body());
                if (gzip.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                    gzipped.put(path, gzip.body());
                }
                cacheControl = identity.headers().firstValue("Cache-Control").orElse("");
                say(String.format("10: %s is %,d bytes, %,d gzipped", path, identity.body().length, gzip.body().length));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Nginx.start(executable, options.out().toAbsolutePath().resolve("readstorm-nginx"), plain, gzipped, cacheControl);
    }

    /**
     * How soon a write shows in the public snapshot: at {@code rate} updates a second, every 50th write's token is
     * watched for. One watcher revalidates {@code /api/v2/incidents/unresolved.json} every 5 ms, without a key as the
     * page's readers do, and each new answer settles every watched write it holds: the instrument's load is the same
     * however many writes it waits for, and a write is seen at the first answer that holds it. (It used to be a probe
     * per write on eight threads, each revalidating with the admin key: their requests took the authenticated path through
     * the filter chain and more of timeline-service's CPU than the builds they waited for, and when builds were slow, probes
     * queued for a thread, so the figure grew with the queue.) At 500/s the system is past what it sustains on two
     * cores, so that figure is a queue; the lower rate shows the path.
     */
    private void freshness(String scenario, List<String> incidents, double rate, Target p99) {
        String at = Report.number(rate) + " events/s";
        Run run = Run.start("freshness", capacity(rate, options.duration()));
        SnapshotWatcher watcher = new SnapshotWatcher(client.publicHttp(), stack.url("timeline") + "/api/v2/incidents/unresolved.json");
        Thread watching = daemon("snapshot-watcher").newThread(watcher);
        watching.start();
        Load.Outcome sent = Load.open(rate, options.duration(), 64, 0, (seq, intended) -> {
            String incident = incidents.get((int) (seq % incidents.size()));
            String token = run.token(seq, intended);
            Http.Response response = client.update(incident, token);
            if (response.ok() && seq % 50 == 0) {
                watcher.watch(token, Stamp.now());
            }
            return response.ok();
        });
        watcher.finish();
        awaitQuietly(Duration.ofMinutes(1), () -> !watching.isAlive());
        Latency visible = watcher.visible();
        report.add(scenario, "2xx → visible in the snapshot p50, " + at, visible.percentile(50), "ms");
        report.add(scenario, "2xx → visible in the snapshot p99, " + at, visible.percentile(99), "ms", p99,
                String.format("%d writes watched for in unresolved.json, revalidated every 5 ms; %,.0f/s achieved%s", visible.count(),
                        sent.perSecond(), watcher.unseen() > 0 ? "; " + watcher.unseen() + " not seen within 30 s (an answer embeds an"
                                + " incident's newest 100 updates: a write that waits longer than 100 more to its incident is never shown)" : ""));
    }

    /**
     * Revalidates one public document every 5 ms and settles each watched token at the first answer that holds it; a token
     * not seen within 30 s of its 2xx is counted unseen. Runs until told to finish and nothing is left to wait for.
     */
    private static final class SnapshotWatcher implements Runnable {

        private static final long GIVE_UP = Duration.ofSeconds(30).toNanos();

        private final Http http;
        private final String url;
        /** Watched tokens by the moment of their 2xx. */
        private final Map<String, Long> watched = new ConcurrentHashMap<>();
        private final Latency visible = new Latency();
        private final java.util.concurrent.atomic.AtomicInteger unseen = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean finishing;

        SnapshotWatcher(Http http, String url) {
            this.http = http;
            this.url = url;
        }

        void watch(String token, long accepted) {
            watched.put(token, accepted);
        }

        void finish() {
            finishing = true;
        }

        Latency visible() {
            return visible;
        }

        int unseen() {
            return unseen.get();
        }

        @Override
        public void run() {
            String etag = null;
            while (!(finishing && watched.isEmpty())) {
                Http.Response response = etag == null ? http.get(url) : http.send("GET", url, null, "If-None-Match", etag);
                long now = Stamp.now();
                if (response.status() == 200) {
                    etag = response.etag();
                    String body = response.body();
                    watched.entrySet().removeIf(entry -> {
                        if (body.contains(entry.getKey())) {
                            visible.record(now - entry.getValue());
                            return true;
                        }
                        return false;
                    });
                }
                watched.entrySet().removeIf(entry -> {
                    boolean late = now - entry.getValue() > GIVE_UP;
                    if (late) {
                        unseen.incrementAndGet();
                    }
                    return late;
                });
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }

    // --- helpers

    /**
     * Waits until the system has nothing left to do from earlier runs: the outbox empty, both consumer
     * groups caught up, no delivery due. Otherwise a run would measure the last one's backlog too.
     */
    private void settle() {
        boolean quiet = awaitQuietly(Duration.ofMinutes(15), () ->
                client.metric("incident", "sitrep_outbox_pending") == 0
                        && client.metric("notification", "spring_cloud_stream_binder_kafka_offset") == 0
                        && client.metric("timeline", "spring_cloud_stream_binder_kafka_offset") == 0
                        && client.metric("notification", "sitrep_deliveries_due") == 0);
        if (!quiet) {
            say("the system is still busy after 15 min; measuring anyway");
        }
    }

    private List<String> webhookSetup() {
        if (webhookIncidents == null) {
            String component = client.component("Webhooks");
            // Opened before anyone subscribes, so that the runs do not start behind 10,000 "opened" deliveries.
            webhookIncidents = client.openIncidents(component, 1_000);
            for (int i = 0; i < WEBHOOK_SUBSCRIBERS; i++) {
                WebhookReceiver receiver = new WebhookReceiver(i, "127.0.0." + (i + 1));
                receivers.add(receiver);
                client.webhook(receiver.url(), component);
            }
        }
        return webhookIncidents;
    }

    private List<Integer> all() {
        return IntStream.range(0, receivers.size()).boxed().toList();
    }

    private Load.Send updates(Run run, List<String> incidents) {
        return updates(run, incidents, false);
    }

    /** Posts updates round the incidents; {@code fullAnswer} asks for the whole incident back instead of the minimal answer. */
    private Load.Send updates(Run run, List<String> incidents, boolean fullAnswer) {
        return (seq, intended) -> {
            String incident = incidents.get((int) (seq % incidents.size()));
            String token = run.token(seq, intended);
            Http.Response response = fullAnswer ? client.updateWithFullAnswer(incident, token) : client.update(incident, token);
            if (response.ok()) {
                run.accepted(seq, Stamp.now());
            }
            return response.ok();
        };
    }

    /** Polls the timeline every 5 ms until the incident shows the version; when it first did, or 0 after 30 s. */
    private long awaitVersion(String incident, long version) {
        long deadline = Stamp.now() + Duration.ofSeconds(30).toNanos();
        while (Stamp.now() < deadline) {
            Http.Response response = client.http().get(client.timelineUrl(incident));
            long at = Stamp.now();
            if (response.status() == 200 && SitrepClient.version(response.body()) >= version) {
                return at;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return 0;
    }

    /** Where the cores went during a run: each part's share, and the CPU time per event it cost. */
    private void cpuRows(String scenario, String load, CpuMeter meter, double eventsPerSecond) {
        meter.cores().forEach((part, cores) -> report.add(scenario, "CPU, " + part + ", " + load, cores, "cores", Target.NONE,
                Report.number(cores * 1_000 / eventsPerSecond) + " ms per event"));
    }

    /** Checks that every update the API accepted reached the topic: a 2xx means it was committed. */
    private void everyAcceptedOnTheTopic(String scenario, Run run, Load.Outcome outcome) {
        awaitQuietly(Duration.ofMinutes(2), () -> run.publishedCount() >= outcome.accepted());
        report.add(scenario, "accepted updates missing from the topic", outcome.accepted() - run.publishedCount(), "", Target.atMost(0),
                String.format("%,d", outcome.accepted()) + " accepted");
    }

    private static double deliveriesPerSecond(List<Run.Receipts> receipts) {
        long first = receipts.stream().mapToLong(Run.Receipts::first).min().orElse(0);
        long last = receipts.stream().mapToLong(Run.Receipts::last).max().orElse(0);
        long count = receipts.stream().mapToLong(Run.Receipts::distinct).sum();
        return last > first ? count / ((last - first) / 1e9) : Double.NaN;
    }

    private static String delivered(List<Run.Receipts> receipts, long each) {
        long got = receipts.stream().mapToLong(Run.Receipts::distinct).sum();
        long repeats = receipts.stream().mapToLong(Run.Receipts::repeats).sum();
        return String.format("%,d of %,d delivered, %,d repeats", got, each * receipts.size(), repeats);
    }

    private double rss(String service) {
        Process process = stack.process(service);
        return process == null ? Double.NaN : Machine.residentMiB(process.pid());
    }

    private static int capacity(double perSecond, Duration duration) {
        return (int) Math.ceil(perSecond * duration.toNanos() / 1e9) + 1;
    }

    /** Waits until the condition holds; false when it did not within the timeout. */
    private static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return true;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }

    void close() {
        receivers.forEach(WebhookReceiver::close);
        manyHostReceivers.forEach(WebhookReceiver::close);
    }
}
