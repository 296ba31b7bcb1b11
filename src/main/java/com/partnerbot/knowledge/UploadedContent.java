package com.partnerbot.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Documents admins uploaded, kept where every instance can read them; each instance
 * indexes them from a copy in its own data folder.
 */
interface UploadedContent {

	/** No uploads (the evaluation, outside Spring). */
	UploadedContent NONE = (dir) -> List.of();

	/**
	 * Makes {@code dir} hold exactly the uploaded documents, by their paths.
	 * @return the paths copied
	 */
	List<String> copyTo(Path dir) throws IOException;

}
