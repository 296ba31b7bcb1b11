package com.partnerbot.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the enablement library is indexed and searched. The retrieval defaults were tuned
 * on SciFact's train split (see docs/benchmarks.md).
 *
 * @param reindexCron when the content directory is reindexed on a schedule ("-" for
 * never)
 * @param chunkChars the largest chunk, in characters
 * @param chunkOverlap characters of the previous piece repeated at the start of the next
 * @param candidates how many hits each of BM25 and kNN contributes before fusion
 * @param vectorWeight the weight of the vector score in the fusion (BM25 gets the rest)
 * @param queryInstruction a prefix for queries; bge-v1.5 allows one, but on SciFact train
 * it did not help (nDCG@10 0.7708 with its instruction, 0.7736 without) and it makes
 * every query longer
 * @param groundedSimilarity the cosine similarity below which the best passage is too
 * weak to answer from
 * @param restrictedMargin how much better than the best visible passage a document hidden
 * from the asker must match before the answer says the information is for other tiers
 */
@ConfigurationProperties("partnerbot.knowledge")
public record KnowledgeProperties(@DefaultValue("0 0 * * * *") String reindexCron, @DefaultValue("1200") int chunkChars,
		@DefaultValue("150") int chunkOverlap, @DefaultValue("100") int candidates,
		@DefaultValue("0.9") double vectorWeight, @DefaultValue("") String queryInstruction,
		@DefaultValue("0.62") double groundedSimilarity, @DefaultValue("0.03") double restrictedMargin) {

	/** The defaults, for code that runs without Spring (the BEIR evaluation). */
	public static KnowledgeProperties defaults() {
		return new KnowledgeProperties("-", 1200, 150, 100, 0.9, "", 0.62, 0.03);
	}

}
