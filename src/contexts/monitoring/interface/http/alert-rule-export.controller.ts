import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AdminOnly, renderPrometheusRuleFile } from '@libs/platform';
import { RequirePermission } from '@contexts/user-management';
import { ExportAlertRulesHandler } from '../../application/export-alert-rules/export-alert-rules.handler.js';
import type { ExportedAlertRules } from '../../application/export-alert-rules/export-alert-rules.query.js';

const RULE_FILE = {
  description: 'A Prometheus rule file; rules no metric can express are comments saying why',
  content: { 'application/yaml': { schema: { type: 'string' } } },
};

/** Alert rules as a Prometheus rule file, for `promtool check rules` and a Prometheus server (docs/adr/0605). */
@ApiTags('monitoring')
@Controller()
export class AlertRuleExportController {
  constructor(private readonly exporting: ExportAlertRulesHandler) {}

  @Get('projects/:projectId/alert-rules/prometheus')
  @RequirePermission('monitoring:read')
  @Header('content-type', 'application/yaml; charset=utf-8')
  @ApiOperation({ summary: "The project's alert rules as a Prometheus rule file" })
  @ApiProduces('application/yaml')
  @ApiOkResponse(RULE_FILE)
  async project(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<string> {
    return ruleFile(`alert rules of project ${projectId}`, await this.exporting.execute({ projectId }));
  }

  @Get('alert-rules/prometheus')
  @AdminOnly()
  @Header('content-type', 'application/yaml; charset=utf-8')
  @ApiOperation({ summary: 'The global alert rules as a Prometheus rule file' })
  @ApiProduces('application/yaml')
  @ApiOkResponse(RULE_FILE)
  async global(): Promise<string> {
    return ruleFile('global alert rules', await this.exporting.execute({ projectId: null }));
  }
}

function ruleFile(what: string, { groups, skipped }: ExportedAlertRules): string {
  return renderPrometheusRuleFile(
    [`${what} of the ML platform, exported as PromQL over its /metrics`],
    groups,
    skipped,
  );
}
