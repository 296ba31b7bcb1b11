package com.partnerbot.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of a chunk in the index. The vector is stored as well as indexed, so a
 * reindex can carry unchanged chunks into the new index without embedding them again.
 */
final class IndexSchema {

	static final String ID = "id";

	static final String SOURCE = "source";

	static final String FILE_HASH = "file_hash";

	static final String TEXT_HASH = "text_hash";

	static final String TITLE = "title";

	static final String HEADINGS = "headings";

	static final String TEXT = "text";

	static final String BODY = "body";

	static final String AUDIENCE = "audience";

	static final String PRODUCT = "product";

	static final String OWNER = "owner";

	static final String ORDINAL = "ordinal";

	static final String VECTOR = "vector";

	static final String VECTOR_BYTES = "vector_bytes";

	/** The audience value of a document every partner may see. */
	static final String EVERYONE = "*";

	/**
	 * The audience of a document whose front matter names no tier ({@code audience: []}):
	 * no partner's tier matches it, so only the staff see it.
	 */
	static final String STAFF_ONLY = "!staff";

	private static final String HEADING_SEPARATOR = "\u001f";

	private IndexSchema() {
	}

	static Analyzer analyzer() {
		return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(BODY, new EnglishAnalyzer()));
	}

	static Document document(Chunk chunk, String fileHash, String textHash, float[] vector) {
		Document doc = new Document();
		doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
		doc.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
		doc.add(new StringField(FILE_HASH, fileHash, Field.Store.YES));
		doc.add(new StringField(TEXT_HASH, textHash, Field.Store.YES));
		doc.add(new StoredField(TITLE, chunk.title()));
		doc.add(new StoredField(HEADINGS, String.join(HEADING_SEPARATOR, chunk.headings())));
		doc.add(new StoredField(TEXT, chunk.text()));
		doc.add(new TextField(BODY, chunk.contextualText(), Field.Store.NO));
		if (chunk.audience().isEmpty()) {
			doc.add(new StringField(AUDIENCE, EVERYONE, Field.Store.YES));
		}
		else {
			chunk.audience()
				.forEach(tier -> doc
					.add(new StringField(AUDIENCE, tier.strip().toLowerCase(Locale.ROOT), Field.Store.YES)));
		}
		if (chunk.product() != null) {
			doc.add(new StoredField(PRODUCT, chunk.product()));
		}
		if (chunk.owner() != null) {
			doc.add(new StoredField(OWNER, chunk.owner()));
		}
		doc.add(new StoredField(ORDINAL, chunk.ordinal()));
		doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
		doc.add(new StoredField(VECTOR_BYTES, bytes(vector)));
		return doc;
	}

	/** Rebuilds a chunk as it was indexed, for carrying it into a new index. */
	static Chunk chunk(Document doc) {
		List<String> audience = Arrays.stream(doc.getValues(AUDIENCE)).filter(a -> !a.equals(EVERYONE)).toList();
		return new Chunk(doc.get(ID), doc.get(SOURCE), doc.get(TITLE), headings(doc), doc.get(TEXT), audience,
				doc.get(PRODUCT), doc.get(OWNER), doc.getField(ORDINAL).numericValue().intValue());
	}

	static List<String> headings(Document doc) {
		String joined = doc.get(HEADINGS);
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(HEADING_SEPARATOR));
	}

	static float[] vector(Document doc) {
		BytesRef ref = doc.getBinaryValue(VECTOR_BYTES);
		ByteBuffer buffer = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[ref.length / Float.BYTES];
		buffer.asFloatBuffer().get(vector);
		return vector;
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

}
