/**
 * The assistant: answers grounded in the enablement library, by an LLM when one is
 * configured and extractively when not, with citations, follow-up context and feedback.
 */
@ApplicationModule(allowedDependencies = { "platform", "knowledge", "partners", "deals" })
package com.partnerbot.assistant;

import org.springframework.modulith.ApplicationModule;
