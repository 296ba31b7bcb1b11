package com.partnerbot.crm;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/crm")
class CrmController {

	private final CrmManagement crm;

	CrmController(CrmManagement crm) {
		this.crm = crm;
	}

	@GetMapping("/status")
	CrmManagement.Status status() {
		return crm.status();
	}

	@PostMapping("/sync")
	CrmManagement.SyncReport sync() {
		return crm.syncNow();
	}

}
