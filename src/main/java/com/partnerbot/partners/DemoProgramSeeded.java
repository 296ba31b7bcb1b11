package com.partnerbot.partners;

import java.util.List;

/**
 * The demo program's partners are in place (local mode only), so the modules can give
 * them some history: won deals, certifications, survey answers. Each module seeds only
 * the partners that have none of its own yet.
 */
public record DemoProgramSeeded(List<Partner> partners) {

}
