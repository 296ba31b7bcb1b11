/**
 * Partner training: the Northwind Academy catalogue of courses, with the certification
 * each exam completes, and the courses partners' people have completed, reported one at a
 * time by the academy's LMS or imported from CSV files, so the program can tell which
 * certifications a partner holds and which courses would close its gaps.
 */
@ApplicationModule(allowedDependencies = { "platform", "partners" })
package com.partnerbot.training;

import org.springframework.modulith.ApplicationModule;
