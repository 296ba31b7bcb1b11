package com.partnerbot.training;

import java.util.List;

/**
 * What importing a CSV file of completions did.
 *
 * @param rows the data rows read; the header and blank lines do not count
 * @param imported the rows recorded as new completions
 * @param duplicates the good rows whose person had the course recorded for the partner
 * already
 * @param errors one entry per row that was not imported, and why
 */
public record ImportReport(int rows, int imported, int duplicates, List<RowError> errors) {

	public ImportReport {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * A row that was not imported.
	 *
	 * @param line its line in the file, the header being line 1
	 * @param reason what is wrong with it
	 */
	public record RowError(int line, String reason) {
	}

}
