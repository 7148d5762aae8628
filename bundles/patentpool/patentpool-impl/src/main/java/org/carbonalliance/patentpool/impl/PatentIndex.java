package org.carbonalliance.patentpool.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.carbonalliance.platform.api.health.HealthCheck;
import org.carbonalliance.platform.api.health.HealthResult;
import org.carbonalliance.platform.api.persistence.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's full-text index (Lucene, in {@code data/patentpool/index}), kept in step with table pp_patent.
 * <ul>
 * <li>Every committed change is queued ({@link #changed}); one indexer thread writes it and reopens the searcher
 * at once, so a patent written is searchable well within a second.</li>
 * <li>The index is committed to disk every two seconds while it changes. Whatever a kill loses, the start repairs: it
 * compares every patent's row version with the indexed one and re-indexes the difference.</li>
 * <li>A missing or unreadable index is rebuilt from the database, with progress in the log and in /api/health.</li>
 * </ul>
 */
@Component(service = {PatentIndex.class, HealthCheck.class})
public class PatentIndex implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PatentIndex.class);
    private static final int BATCH = 500;

    private final Database database;
    private final Path path;
    private final FacetsConfig facets = PatentDocuments.facetsConfig();
    private final Analyzer analyzer = PatentDocuments.analyzer();
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final Thread indexer;
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Guards the facet state only: searches must not wait for the writer's lock. */
    private final Object facetLock = new Object();
    private volatile SortedSetDocValuesReaderState facetState;
    private volatile String progress = "starting";
    private volatile boolean running = true;
    private volatile boolean dirty;
    /** The indexer is writing a batch that is no longer in {@code pending}. */
    private volatile boolean busy;
    private long lastCommit = System.nanoTime();

    @Activate
    public PatentIndex(@Reference PoolDatabase pool, BundleContext context) throws IOException {
        this(pool.database(), Path.of(dataDirectory(context), "patentpool", "index"));
    }

    PatentIndex(Database database, Path path) throws IOException {
        this.database = database;
        this.path = path;
        open();
        this.indexer = new Thread(this::run, "alliance-patent-indexer");
        indexer.setDaemon(true);
        indexer.start();
    }

    private static String dataDirectory(BundleContext context) {
        String data = context.getProperty("alliance.data");
        return data != null ? data : "data";
    }

    /** Opens the index, or starts an empty one when it is missing or cannot be read (the start then fills it). */
    private void open() throws IOException {
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        try {
            openWriter();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The patent index in {} cannot be read ({}); rebuilding it from the database", path,
                    e.toString());
            closeQuietly();
            deleteContents(path);
            directory = FSDirectory.open(path);
            openWriter();
        }
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, null);
        // Reading every segment once finds a corrupt one now rather than in a search.
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    @Deactivate
    void close() {
        running = false;
        indexer.interrupt();
        try {
            indexer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                if (writer != null && writer.isOpen()) {
                    writer.commit();
                }
            } catch (IOException e) {
                LOG.warn("Could not commit the patent index on stop; the next start repairs it", e);
            }
            closeQuietly();
        }
    }

    private void closeQuietly() {
        for (AutoCloseable c : new AutoCloseable[] {searchers, writer, directory}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.debug("closing the patent index", e);
            }
        }
        searchers = null;
        writer = null;
        directory = null;
    }

    /** Queues patents whose rows changed (call after the change committed). */
    void changed(Collection<String> publicationNumbers) {
        pending.addAll(publicationNumbers);
    }

    void changed(String publicationNumber) {
        pending.add(publicationNumber);
    }

    /** Work with a current searcher, the analyser and the facet counts' state. */
    interface SearchWork<T> {
        T run(IndexSearcher searcher, SortedSetDocValuesReaderState facetState) throws IOException;
    }

    <T> T search(SearchWork<T> work) {
        SearcherManager manager = searchers;
        if (manager == null) {
            throw new org.carbonalliance.platform.api.web.ApiException(503, "unavailable",
                    "The search index is restarting; try again in a moment.");
        }
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return work.run(searcher, facetState(searcher));
            } finally {
                manager.release(searcher);
            }
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            throw new org.carbonalliance.platform.api.web.ApiException(503, "unavailable",
                    "The search index is restarting; try again in a moment.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    FacetsConfig facetsConfig() {
        return facets;
    }

    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        SortedSetDocValuesReaderState state = facetState;
        if (state == null || state.getReader() != searcher.getIndexReader()) {
            synchronized (facetLock) {
                state = facetState;
                if (state == null || state.getReader() != searcher.getIndexReader()) {
                    try {
                        state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
                    } catch (IllegalArgumentException empty) {
                        state = null; // no facet values indexed yet
                    }
                    facetState = state;
                }
            }
        }
        return state;
    }

    /** @return whether the indexer has nothing queued: the index shows every committed change */
    boolean idle() {
        return pending.isEmpty() && progress.equals("ready") && !busy;
    }

    private void run() {
        // Until the index is in step with the table, try again (after 5 s, then longer, up to 5 minutes apart).
        for (long wait = 5; running; wait = Math.min(300, wait * 2)) {
            try {
                reconcile();
                progress = "ready";
                break;
            } catch (Exception e) {
                progress = "not yet in step with the database, retrying: " + e;
                LOG.error("The patent index could not be brought in step with the database; trying again in {} s",
                        wait, e);
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
        while (running) {
            try {
                String first = pending.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    busy = true;
                    List<String> batch = new ArrayList<>(List.of(first));
                    pending.drainTo(batch, BATCH - 1);
                    index(batch);
                    searchers.maybeRefreshBlocking();
                    busy = false;
                }
                commitWhenDue();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                busy = false;
                LOG.error("Indexing patents failed; they are indexed again at the next start", e);
            }
        }
    }

    private void commitWhenDue() throws IOException {
        if (dirty && System.nanoTime() - lastCommit > TimeUnit.SECONDS.toNanos(2)) {
            synchronized (this) {
                writer.commit();
            }
            dirty = false;
            lastCommit = System.nanoTime();
        }
    }

    /** Writes the current rows of {@code numbers} (deleting those gone). */
    private void index(List<String> numbers) throws IOException {
        List<String> distinct = numbers.stream().distinct().toList();
        List<PooledPatent> rows = database.readAcrossTenants("patent pool search index", em -> em.createQuery(
                "select p from PooledPatent p where p.publicationNumber in :numbers", PooledPatent.class)
                .setParameter("numbers", distinct).getResultList());
        Map<String, PooledPatent> byNumber = new HashMap<>();
        rows.forEach(p -> byNumber.put(p.publicationNumber(), p));
        synchronized (this) {
            for (String number : distinct) {
                PooledPatent row = byNumber.get(number);
                if (row == null) {
                    writer.deleteDocuments(new Term(PatentDocuments.ID, number));
                } else {
                    writer.updateDocument(new Term(PatentDocuments.ID, number), PatentDocuments.of(row, facets));
                }
            }
        }
        dirty = true;
    }

    /** Brings the index in step with the table: indexes rows that are missing or newer, removes documents of none. */
    private void reconcile() throws IOException {
        Map<String, Long> rows = new HashMap<>();
        database.readAcrossTenants("patent pool search index: start-up check", em -> {
            em.createQuery("select p.publicationNumber, p.version from PooledPatent p", Object[].class)
                    .getResultStream().forEach(r -> rows.put((String) r[0], (Long) r[1]));
            return null;
        });
        Map<String, Long> indexed = indexedVersions();
        List<String> stale = new ArrayList<>();
        rows.forEach((number, version) -> {
            if (!version.equals(indexed.get(number))) {
                stale.add(number);
            }
        });
        List<String> gone = indexed.keySet().stream().filter(n -> !rows.containsKey(n)).toList();
        if (stale.isEmpty() && gone.isEmpty()) {
            LOG.info("Patent index in step with the database ({} patents)", rows.size());
            return;
        }
        LOG.info("Patent index: indexing {} of {} patents{}", stale.size(), rows.size(),
                gone.isEmpty() ? "" : ", removing " + gone.size());
        stale.sort(Comparator.naturalOrder());
        long step = Math.max(BATCH, stale.size() / 10);
        for (int from = 0; from < stale.size() && running; from += BATCH) {
            index(stale.subList(from, Math.min(stale.size(), from + BATCH)));
            progress = "indexing " + Math.min(stale.size(), from + BATCH) + " of " + stale.size();
            if ((from + BATCH) % step < BATCH) {
                LOG.info("Patent index: {}", progress);
                searchers.maybeRefreshBlocking();
            }
        }
        index(gone);
        synchronized (this) {
            writer.commit();
        }
        dirty = false;
        searchers.maybeRefreshBlocking();
        LOG.info("Patent index: {} patents indexed, in step with the database", stale.size());
    }

    private Map<String, Long> indexedVersions() throws IOException {
        Map<String, Long> versions = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(PatentDocuments.ID);
                NumericDocValues numbers = leaf.reader().getNumericDocValues(PatentDocuments.VERSION);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null || numbers == null) {
                    continue;
                }
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && ids.advanceExact(doc) && numbers.advanceExact(doc)) {
                        versions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), numbers.longValue());
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return versions;
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String name() {
        return "patent-index";
    }

    @Override
    public HealthResult check() {
        String now = progress;
        if (now.equals("ready")) {
            return HealthResult.up(pending.size() + " change(s) queued");
        }
        return HealthResult.degraded(now); // searches answer meanwhile, from what is indexed
    }
}
