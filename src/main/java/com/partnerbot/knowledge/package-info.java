/**
 * The enablement library: reading the content directory, the Lucene index with BM25 and
 * HNSW vectors from an in-process embedding model, hybrid retrieval filtered by audience,
 * reindexing, and the BEIR evaluation of that retrieval.
 */
@ApplicationModule(allowedDependencies = "platform")
package com.partnerbot.knowledge;

import org.springframework.modulith.ApplicationModule;
